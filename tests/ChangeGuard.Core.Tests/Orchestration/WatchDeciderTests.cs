using ChangeGuard.Core.Health;
using ChangeGuard.Core.Orchestration;
using ChangeGuard.Core.Policy;
using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Tests.Orchestration;

public sealed class WatchDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 5, 0, TimeSpan.Zero);

    private static readonly WatchPolicy Policy = WatchPolicy.Default with { FailureLimit = 2, ConsecutiveErrorLimit = 4 };

    [Fact]
    public void Apply_BreachBelowFailureLimit_ContinuesAndCountsBreach()
    {
        // Arrange
        var state = WatchState.Initial;

        // Act
        var (next, step) = WatchDecider.Apply(state, Verdicts.Breach(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(1, next.ConsecutiveBreaches);
    }

    [Fact]
    public void Apply_BreachReachingFailureLimit_Aborts()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveBreaches = 1 };
        var verdict = Verdicts.Breach();

        // Act
        var (next, step) = WatchDecider.Apply(state, verdict, Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Abort, step.Kind);
        Assert.Equal(verdict.Reason, step.Reason);
        Assert.Equal(verdict.Evidence, step.Evidence);
        Assert.Equal(2, next.ConsecutiveBreaches);
    }

    [Fact]
    public void Apply_CriticalBreach_AbortsAtOnce()
    {
        // Arrange
        var state = WatchState.Initial;

        // Act
        var (_, step) = WatchDecider.Apply(state, Verdicts.Breach(critical: true), Policy with { FailureLimit = 10 }, Now);

        // Assert
        Assert.Equal(NextStepKind.Abort, step.Kind);
    }

    [Fact]
    public void Apply_Breach_ResetsErrors()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveErrors = 3 };

        // Act
        var (next, _) = WatchDecider.Apply(state, Verdicts.Breach(), Policy, Now);

        // Assert
        Assert.Equal(0, next.ConsecutiveErrors);
    }

    [Fact]
    public void Apply_Healthy_ResetsBreachesAndErrors()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveBreaches = 1, ConsecutiveErrors = 3 };

        // Act
        var (next, step) = WatchDecider.Apply(state, Verdicts.Healthy(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(0, next.ConsecutiveBreaches);
        Assert.Equal(0, next.ConsecutiveErrors);
    }

    [Fact]
    public void Apply_WaitingForHuman_Continues()
    {
        // Arrange
        var state = WatchState.Initial;

        // Act
        var (_, step) = WatchDecider.Apply(state, Verdicts.WaitingForHuman(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
    }

    [Fact]
    public void Apply_ReadFailed_CountsErrorAndKeepsBreaches()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveBreaches = 1 };

        // Act
        var (next, step) = WatchDecider.Apply(state, Verdicts.ReadFailed(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(1, next.ConsecutiveErrors);
        Assert.Equal(1, next.ConsecutiveBreaches);
    }

    [Fact]
    public void Apply_ReadFailedWithFailureLimitOne_NeverCountsAsBreach()
    {
        // Arrange
        var policy = Policy with { FailureLimit = 1, ConsecutiveErrorLimit = 100 };
        var state = WatchState.Initial;
        var step = NextStep.Continue;

        // Act
        for (var poll = 0; poll < 10; poll++)
        {
            (state, step) = WatchDecider.Apply(state, Verdicts.ReadFailed(), policy, Now);
        }

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(0, state.ConsecutiveBreaches);
        Assert.Equal(10, state.ConsecutiveErrors);
    }

    [Fact]
    public void Apply_ErrorsReachingLimitWithAbort_Aborts()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveErrors = 3 };
        var verdict = Verdicts.ReadFailed();

        // Act
        var (next, step) = WatchDecider.Apply(state, verdict, Policy with { OnErrorLimit = OnErrorLimit.Abort }, Now);

        // Assert
        Assert.Equal(NextStepKind.Abort, step.Kind);
        Assert.Equal(4, next.ConsecutiveErrors);
        Assert.Equal(verdict.Evidence, step.Evidence);
    }

    [Fact]
    public void Apply_ErrorsReachingLimitWithStopWatching_FinishesStopped()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveErrors = 3 };

        // Act
        var (_, step) = WatchDecider.Apply(state, Verdicts.ReadFailed(), Policy with { OnErrorLimit = OnErrorLimit.StopWatching }, Now);

        // Assert
        Assert.Equal(NextStepKind.Finish, step.Kind);
        Assert.Equal(WatchOutcome.Stopped, step.Outcome);
    }

    [Fact]
    public void Apply_ReadFailedUntilLimit_AbortsOnLastPoll()
    {
        // Arrange
        var state = WatchState.Initial;
        var steps = new List<NextStepKind>();

        // Act
        for (var poll = 0; poll < Policy.ConsecutiveErrorLimit; poll++)
        {
            (state, var step) = WatchDecider.Apply(state, Verdicts.ReadFailed(), Policy, Now);
            steps.Add(step.Kind);
        }

        // Assert
        Assert.Equal([NextStepKind.Continue, NextStepKind.Continue, NextStepKind.Continue, NextStepKind.Abort], steps);
    }

    [Fact]
    public void Apply_NoData_LeavesBreachesUnchanged()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveBreaches = 1 };

        // Act
        var (next, step) = WatchDecider.Apply(state, Verdicts.NoData(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(1, next.ConsecutiveBreaches);
    }

    [Fact]
    public void Apply_NoData_ResetsErrors()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveErrors = 2 };

        // Act
        var (next, _) = WatchDecider.Apply(state, Verdicts.NoData(), Policy, Now);

        // Assert
        Assert.Equal(0, next.ConsecutiveErrors);
    }

    [Fact]
    public void Apply_Succeeded_FinishesSucceeded()
    {
        // Arrange
        var state = WatchState.Initial;

        // Act
        var (_, step) = WatchDecider.Apply(state, Verdicts.Succeeded(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Finish, step.Kind);
        Assert.Equal(WatchOutcome.Succeeded, step.Outcome);
        Assert.Equal(ChangeOrderStatus.Succeeded, step.FinalStatus);
    }

    [Fact]
    public void Apply_EndedOtherwise_FinishesAlreadyEnded()
    {
        // Arrange
        var state = WatchState.Initial;

        // Act
        var (_, step) = WatchDecider.Apply(state, Verdicts.EndedOtherwise(), Policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Finish, step.Kind);
        Assert.Equal(WatchOutcome.AlreadyEnded, step.Outcome);
    }

    [Fact]
    public void Apply_AnyVerdict_CountsPollAndKeepsLastVerdict()
    {
        // Arrange
        var state = WatchState.Initial with { Polls = 4 };
        var verdict = Verdicts.NoData();

        // Act
        var (next, _) = WatchDecider.Apply(state, verdict, Policy, Now);

        // Assert
        Assert.Equal(5, next.Polls);
        Assert.Equal(VerdictKind.NoData, next.LastVerdict);
        Assert.Equal(verdict.Reason, next.LastHealth);
    }

    [Fact]
    public void Apply_AnyVerdict_RecordsDecision()
    {
        // Arrange
        var state = WatchState.Initial;
        var verdict = Verdicts.Breach();

        // Act
        var (next, _) = WatchDecider.Apply(state, verdict, Policy, Now);

        // Assert
        var decision = Assert.Single(next.Decisions);
        Assert.Equal(Now, decision.At);
        Assert.Equal(1, decision.Poll);
        Assert.Equal(VerdictKind.Breach, decision.Verdict);
        Assert.Equal(verdict.Reason, decision.Reason);
        Assert.False(string.IsNullOrWhiteSpace(decision.Action));
    }

    [Fact]
    public void Apply_ManyPolls_KeepsOnlyTheLastDecisions()
    {
        // Arrange
        var state = WatchState.Initial;
        const int polls = 50;

        // Act
        for (var poll = 0; poll < polls; poll++)
        {
            (state, _) = WatchDecider.Apply(state, Verdicts.Healthy(), Policy, Now.AddSeconds(15 * poll));
        }

        // Assert
        Assert.Equal(WatchState.DecisionsKept, state.Decisions.Count);
        Assert.Equal(Enumerable.Range(polls - WatchState.DecisionsKept + 1, WatchState.DecisionsKept), state.Decisions.Select(d => d.Poll));
    }

    [Fact]
    public void Apply_Decision_LeavesInputStateUnchanged()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveBreaches = 1 };

        // Act
        _ = WatchDecider.Apply(state, Verdicts.Breach(), Policy, Now);

        // Assert
        Assert.Equal(1, state.ConsecutiveBreaches);
        Assert.Empty(state.Decisions);
    }
}

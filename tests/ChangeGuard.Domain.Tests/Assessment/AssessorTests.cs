using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>The assessor's rules for SAE's instance signal, one row per rule.</summary>
public sealed class AssessorTests
{
    /// <summary>
    /// Counting: breaches toward failureLimit (critical ones at once), transient errors toward consecutiveErrorLimit and
    /// never as breaches, permanent errors and another app's order end the watch without an abort, no data neither
    /// passes nor fails, an ended order finishes the watch.
    /// </summary>
    [Theory]
    //          prior breaches, errors, poll,                failureLimit, errorLimit, onErrorLimit,              action,                 breaches, errors, outcome
    [InlineData(0, 0, Poll.Breach, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 1, 0, null)]
    [InlineData(1, 0, Poll.Breach, 2, 4, OnErrorLimit.Abort, WatchAction.Abort, 2, 0, null)]
    [InlineData(0, 0, Poll.Critical, 10, 4, OnErrorLimit.Abort, WatchAction.Abort, 1, 0, null)]
    [InlineData(0, 3, Poll.Breach, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 1, 0, null)]
    [InlineData(1, 3, Poll.Healthy, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 0, 0, null)]
    [InlineData(1, 2, Poll.Waiting, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 0, 0, null)]
    [InlineData(1, 0, Poll.TransientError, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 1, 1, null)]
    [InlineData(0, 0, Poll.TransientError, 1, 4, OnErrorLimit.Abort, WatchAction.Continue, 0, 1, null)]
    [InlineData(0, 3, Poll.TransientError, 2, 4, OnErrorLimit.Abort, WatchAction.Abort, 0, 4, null)]
    [InlineData(0, 3, Poll.TransientError, 2, 4, OnErrorLimit.StopWatching, WatchAction.Stop, 0, 4, WatchOutcome.Stopped)]
    [InlineData(0, 0, Poll.PermanentError, 2, 4, OnErrorLimit.Abort, WatchAction.Stop, 0, 0, WatchOutcome.Unwatchable)]
    [InlineData(1, 3, Poll.PermanentError, 1, 1, OnErrorLimit.Abort, WatchAction.Stop, 1, 3, WatchOutcome.Unwatchable)]
    [InlineData(0, 0, Poll.OtherApp, 2, 4, OnErrorLimit.Abort, WatchAction.Stop, 0, 0, WatchOutcome.Unwatchable)]
    [InlineData(1, 0, Poll.NoData, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 1, 0, null)]
    [InlineData(0, 2, Poll.NoData, 2, 4, OnErrorLimit.Abort, WatchAction.Continue, 0, 0, null)]
    [InlineData(0, 0, Poll.Succeeded, 2, 4, OnErrorLimit.Abort, WatchAction.Finish, 0, 0, WatchOutcome.Succeeded)]
    [InlineData(0, 0, Poll.Failed, 2, 4, OnErrorLimit.Abort, WatchAction.Finish, 0, 0, WatchOutcome.AlreadyEnded)]
    [InlineData(0, 0, Poll.Terminated, 2, 4, OnErrorLimit.Abort, WatchAction.Finish, 0, 0, WatchOutcome.AlreadyEnded)]
    public void Assess_SaePoll_FollowsTheCountingRules(
        int breaches, int errors, Poll poll, int failureLimit, int errorLimit, OnErrorLimit onErrorLimit,
        WatchAction action, int breachesAfter, int errorsAfter, WatchOutcome? outcome)
    {
        // Arrange
        var watch = Polls.Watch(WatchPolicy.Default with { FailureLimit = failureLimit, ConsecutiveErrorLimit = errorLimit, OnErrorLimit = onErrorLimit });
        var state = WatchState.Initial with { ConsecutiveBreaches = breaches, ConsecutiveErrors = errors };

        // Act
        var assessment = Assessor.Assess(watch, state, Polls.Only(poll), Polls.Now);

        // Assert
        Assert.Equal(action, assessment.Step.Action);
        Assert.Equal(action, assessment.Decision.Action);
        Assert.Equal(breachesAfter, assessment.State.ConsecutiveBreaches);
        Assert.Equal(errorsAfter, assessment.State.ConsecutiveErrors);
        Assert.Equal(outcome, assessment.Step.Outcome);
    }

    [Fact]
    public void Assess_BreachAtTheLimit_AbortsWithTheVerdictsReasonAndEvidence()
    {
        // Arrange
        var watch = Polls.Watch();
        var state = WatchState.Initial with { ConsecutiveBreaches = 1 };

        // Act
        var assessment = Assessor.Assess(watch, state, Polls.Only(Poll.Breach), Polls.Now);

        // Assert
        Assert.Equal(assessment.Instances.Reason, assessment.Step.Reason);
        Assert.Equal(assessment.Instances.Evidence, assessment.Step.Evidence);
        Assert.Equal("abort (breach 2 of 2)", assessment.Decision.ActionText);
    }

    [Fact]
    public void Assess_PermanentErrorForever_NeverAborts()
    {
        // Arrange
        var watch = Polls.Watch(WatchPolicy.Default with { ConsecutiveErrorLimit = 1, OnErrorLimit = OnErrorLimit.Abort });

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, Polls.Only(Poll.PermanentError), Polls.Now);

        // Assert
        Assert.Equal(WatchAction.Stop, assessment.Step.Action);
        Assert.Contains("InvalidChangeOrder.NotFound", assessment.Step.Reason, StringComparison.Ordinal);
        Assert.Contains("left alone", assessment.Step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OrderOfAnotherApp_NamesBothApps()
    {
        // Act
        var assessment = Assessor.Assess(Polls.Watch(), WatchState.Initial, Polls.Only(Poll.OtherApp), Polls.Now);

        // Assert
        Assert.Contains("belongs to app app-2, not app-1", assessment.Step.Reason, StringComparison.Ordinal);
        Assert.Equal(new Evidence("appId", "app-2", "app-1", []), Assert.Single(assessment.Step.Evidence));
    }

    [Fact]
    public void Assess_ReadErrorsWithFailureLimitOne_NeverCountAsBreaches()
    {
        // Arrange
        var watch = Polls.Watch(WatchPolicy.Default with { FailureLimit = 1, ConsecutiveErrorLimit = 100 });

        // Act
        var state = Polls.After(watch, Enumerable.Repeat(Poll.TransientError, 10).ToArray());

        // Assert
        Assert.Equal(0, state.ConsecutiveBreaches);
        Assert.Equal(10, state.ConsecutiveErrors);
    }

    [Fact]
    public void Assess_ReadErrorsUpToTheLimit_AbortOnTheLastPoll()
    {
        // Arrange
        var watch = Polls.Watch();
        var state = WatchState.Initial;
        var actions = new List<WatchAction>();

        // Act
        for (var poll = 0; poll < watch.Policy.ConsecutiveErrorLimit; poll++)
        {
            var assessment = Assessor.Assess(watch, state, Polls.Only(Poll.TransientError), Polls.Now);
            state = assessment.State;
            actions.Add(assessment.Step.Action);
        }

        // Assert
        Assert.Equal([WatchAction.Continue, WatchAction.Continue, WatchAction.Continue, WatchAction.Abort], actions);
    }

    [Fact]
    public void Assess_Succeeded_FinishesWithTheFinalStatus()
    {
        // Act
        var assessment = Assessor.Assess(Polls.Watch(), WatchState.Initial, Polls.Only(Poll.Succeeded), Polls.Now);

        // Assert
        Assert.Equal(ChangeOrderStatus.Succeeded, assessment.Step.FinalStatus);
    }

    [Fact]
    public void Assess_AnyPoll_CountsThePollAndKeepsTheVerdict()
    {
        // Arrange
        var state = WatchState.Initial with { Polls = 4, SaeCalls = 10 };

        // Act
        var assessment = Assessor.Assess(Polls.Watch(), state, Polls.Only(Poll.NoData), Polls.Now);

        // Assert
        Assert.Equal(5, assessment.State.Polls);
        Assert.Equal(12, assessment.State.SaeCalls);
        Assert.Equal("group-1", assessment.State.GroupId);
        Assert.Equal(VerdictKind.NoData, assessment.State.LastVerdict);
        Assert.Equal(assessment.Instances.Reason, assessment.State.LastHealth);
    }

    [Fact]
    public void Assess_AnyPoll_RecordsOneTypedDecision()
    {
        // Act
        var assessment = Assessor.Assess(Polls.Watch(), WatchState.Initial, Polls.Only(Poll.Breach), Polls.Now);

        // Assert
        var decision = Assert.Single(assessment.State.Decisions);
        Assert.Equal(assessment.Decision, decision);
        Assert.Equal(new Decision(Polls.Now, 1, VerdictKind.Breach, assessment.Instances.Reason, WatchAction.Continue, "breach 1 of 2"), decision);
    }

    [Fact]
    public void Assess_ManyPolls_KeepsOnlyTheLastDecisions()
    {
        // Arrange
        const int polls = 50;

        // Act
        var state = Polls.After(Polls.Watch(WatchPolicy.Default with { Timeout = TimeSpan.FromHours(1) }), Enumerable.Repeat(Poll.Healthy, polls).ToArray());

        // Assert
        Assert.Equal(WatchState.DecisionsKept, state.Decisions.Count);
        Assert.Equal(Enumerable.Range(polls - WatchState.DecisionsKept + 1, WatchState.DecisionsKept), state.Decisions.Select(d => d.Poll));
    }

    [Fact]
    public void Assess_AnyPoll_LeavesTheInputStateUnchanged()
    {
        // Arrange
        var state = WatchState.Initial with { ConsecutiveBreaches = 1 };

        // Act
        _ = Assessor.Assess(Polls.Watch(), state, Polls.Only(Poll.Breach), Polls.Now);

        // Assert
        Assert.Equal(1, state.ConsecutiveBreaches);
        Assert.Empty(state.Decisions);
    }

    [Fact]
    public void Assess_Snapshot_KeepsTheBatchAndItsStart()
    {
        // Arrange
        var started = Polls.Now.AddSeconds(-20);
        var sae = Polls.Of(new Tests.Health.SnapshotBuilder().WithBatches(2, 3).WithInstances(2, InstanceCondition.Healthy, batch: 2));
        sae = sae with { Snapshot = sae.Snapshot! with { Order = sae.Snapshot.Order with { CurrentBatchStartedAt = started, AppName = "checkout" } } };

        // Act
        var state = Assessor.Assess(Polls.Watch(), WatchState.Initial, new(sae), Polls.Now).State;

        // Assert
        Assert.Equal((2, 3, started, "checkout", true), (state.Batch, state.BatchCount, state.BatchStartedAt, state.AppName, state.BatchStarted));
    }
}

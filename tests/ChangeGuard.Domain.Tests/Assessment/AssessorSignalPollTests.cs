using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>Polls of the signals alone, between SAE polls the call budget stretched.</summary>
public sealed class AssessorSignalPollTests
{
    private static readonly WatchContext Watch = Polls.Watch(WatchPolicy.Default with
    {
        PollInterval = TimeSpan.FromSeconds(15),
        Signals = [SignalBuilder.Prometheus("error-rate", "q", 0.05)],
    });

    private static readonly WatchState Started = WatchState.Initial with { BatchStarted = true, Polls = 3, PollsSinceOrderRead = 2, ConsecutiveBreaches = 1 };

    [Theory]
    [InlineData(60, true)]
    [InlineData(15, false)]
    [InlineData(10, false)]
    public void NextSignalPoll_SaePollLaterThanTheInterval_IsOneIntervalAway(int secondsToSaePoll, bool due)
    {
        // Act
        var next = Assessor.NextSignalPoll(Watch, Started, Polls.Now.AddSeconds(secondsToSaePoll), Polls.Now);

        // Assert
        Assert.Equal(due ? Polls.Now.AddSeconds(15) : null, next);
    }

    [Fact]
    public void NextSignalPoll_NoBatchStarted_IsNone()
    {
        // Act
        var next = Assessor.NextSignalPoll(Watch, Started with { BatchStarted = false }, Polls.Now.AddMinutes(5), Polls.Now);

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void NextSignalPoll_PolicyWithoutSignals_IsNone()
    {
        // Act
        var next = Assessor.NextSignalPoll(Polls.Watch(), Started, Polls.Now.AddMinutes(5), Polls.Now);

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void AssessSignals_BreachAtTheLimit_AbortsWithTheSignalsEvidence()
    {
        // Arrange
        var state = Started with { Signals = [new SignalCount("error-rate", 1, 0)] };

        // Act
        var assessment = Assessor.AssessSignals(Watch, state, [Measured.Value("error-rate", 0.08)], Polls.Now);

        // Assert
        Assert.Equal(WatchAction.Abort, assessment.Step.Action);
        Assert.Equal("error-rate", Assert.Single(assessment.Step.Evidence).Signal);
    }

    [Fact]
    public void AssessSignals_Healthy_LeavesSaesCountersAndOrderReadsAlone()
    {
        // Act
        var state = Assessor.AssessSignals(Watch, Started, [Measured.Value("error-rate", 0.01)], Polls.Now).State;

        // Assert
        Assert.Equal((4, 2, 1), (state.Polls, state.PollsSinceOrderRead, state.ConsecutiveBreaches));
        Assert.StartsWith("signals only", state.Decisions[^1].Reason, StringComparison.Ordinal);
    }
}

using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Tests.Health;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>When the assessor says to poll, at which priority, what a poll reads, and when the timeout aborts.</summary>
public sealed class AssessorPlanTests
{
    private static readonly WatchPolicy Policy = WatchPolicy.Default with { PollInterval = TimeSpan.FromSeconds(15), Timeout = TimeSpan.FromMinutes(30) };

    [Theory]
    [InlineData(29 * 60 + 59, false)]
    [InlineData(30 * 60, true)]
    [InlineData(31 * 60, true)]
    public void Plan_TimeSinceTheWatchStarted_AbortsAtTheTimeout(int secondsSinceStart, bool timedOut)
    {
        // Arrange
        var watch = Polls.Watch(Policy);

        // Act
        var plan = Assessor.Plan(watch, WatchState.Initial, watch.StartedAt.AddSeconds(secondsSinceStart));

        // Assert
        Assert.Equal(timedOut, plan.TimedOut);
    }

    [Fact]
    public void Plan_TimedOut_GivesReasonAndEvidence()
    {
        // Arrange
        var watch = Polls.Watch(Policy);

        // Act
        var plan = Assessor.Plan(watch, WatchState.Initial, watch.Deadline.AddSeconds(5));

        // Assert
        Assert.Equal("timeout: the change order ran longer than 30m since the watch started", plan.Reason);
        Assert.Equal(new Evidence("timeout", "running for 30m5s", "at most 30m", []), Assert.Single(plan.Evidence));
    }

    /// <summary>A poll of a known order is elevated when a breach is likely: counting, no data, or a batch that started within two intervals (at least 1 min).</summary>
    [Theory]
    [InlineData(0, 0, null, null, false)]
    [InlineData(1, 0, null, null, true)]
    [InlineData(0, 1, null, null, true)]
    [InlineData(0, 0, VerdictKind.NoData, null, true)]
    [InlineData(0, 0, VerdictKind.Healthy, 30, true)]
    [InlineData(0, 0, VerdictKind.Healthy, 59, true)]
    [InlineData(0, 0, VerdictKind.Healthy, 60, false)]
    public void Plan_State_ElevatesWhenABreachIsLikely(int breaches, int errors, VerdictKind? last, int? batchStartedSecondsAgo, bool elevated)
    {
        // Arrange
        var state = WatchState.Initial with
        {
            ConsecutiveBreaches = breaches,
            ConsecutiveErrors = errors,
            LastVerdict = last,
            BatchStartedAt = batchStartedSecondsAgo is { } ago ? Polls.Now.AddSeconds(-ago) : null,
            Order = new SnapshotBuilder().BuildProgress(),
        };

        // Act
        var plan = Assessor.Plan(Polls.Watch(Policy), state, Polls.Now);

        // Assert
        Assert.Equal(elevated, plan.Elevated);
    }

    [Fact]
    public void Plan_NothingKnownOfTheOrderYet_IsElevated()
    {
        // Act: a new watch's first poll, most often right after its deploy started a batch.
        var plan = Assessor.Plan(Polls.Watch(Policy), WatchState.Initial, Polls.Now);

        // Assert
        Assert.True(plan.Elevated);
    }

    [Fact]
    public void Plan_SignalCountingABreach_IsElevated()
    {
        // Arrange
        var state = WatchState.Initial with { Signals = [new SignalCount("error-rate", 1, 0)] };

        // Act
        var plan = Assessor.Plan(Polls.Watch(Policy), state, Polls.Now);

        // Assert
        Assert.True(plan.Elevated);
    }

    /// <summary>The next poll: the budget's longer advice only for a watch in no risky phase; never after the deadline.</summary>
    [Theory]
    [InlineData(Poll.Healthy, null, 15)]
    [InlineData(Poll.Healthy, 40, 40)]
    [InlineData(Poll.Healthy, 5, 15)]
    [InlineData(Poll.Breach, 40, 15)]
    [InlineData(Poll.TransientError, 40, 15)]
    [InlineData(Poll.NoData, 40, 15)]
    public void Assess_Continue_DuesTheNextPoll(Poll poll, int? advisedSeconds, int expectedSeconds)
    {
        // Arrange
        var measured = Polls.Sae(poll) with { NextPollIn = advisedSeconds is { } s ? TimeSpan.FromSeconds(s) : null };

        // Act
        var assessment = Assessor.Assess(Polls.Watch(Policy), WatchState.Initial, new PollMeasurements(measured), Polls.Now);

        // Assert
        Assert.Equal(Polls.Now.AddSeconds(expectedSeconds), assessment.NextPollAt);
    }

    [Fact]
    public void Assess_BatchJustStarted_KeepsThePolicysIntervalWhateverTheAdvice()
    {
        // Arrange
        var sae = Polls.Sae(Poll.Healthy);
        sae = sae with
        {
            NextPollIn = TimeSpan.FromSeconds(40),
            Snapshot = sae.Snapshot! with { Order = sae.Snapshot.Order with { CurrentBatchStartedAt = Polls.Now.AddSeconds(-5) } },
        };

        // Act
        var assessment = Assessor.Assess(Polls.Watch(Policy), WatchState.Initial, new PollMeasurements(sae), Polls.Now);

        // Assert
        Assert.Equal(Polls.Now.AddSeconds(15), assessment.NextPollAt);
    }

    [Fact]
    public void Assess_DeadlineBeforeTheNextInterval_DuesTheNextPollAtTheDeadline()
    {
        // Arrange
        var watch = Polls.Watch(Policy);
        var now = watch.Deadline.AddSeconds(-4);

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, Polls.Only(Poll.Healthy), now);

        // Assert
        Assert.Equal(watch.Deadline, assessment.NextPollAt);
    }

    [Theory]
    [InlineData(Poll.Succeeded)]
    [InlineData(Poll.Critical)]
    [InlineData(Poll.PermanentError)]
    public void Assess_EndingStep_DuesNoPoll(Poll poll)
    {
        // Act
        var assessment = Assessor.Assess(Polls.Watch(Policy), WatchState.Initial, Polls.Only(poll), Polls.Now);

        // Assert
        Assert.Null(assessment.NextPollAt);
    }

    /// <summary>Signals are read once a batch has started, also when SAE cannot be read, never when SAE's answer alone ends or aborts the watch.</summary>
    [Theory]
    [InlineData(Poll.Healthy, false, true)]
    [InlineData(Poll.Breach, false, true)]
    [InlineData(Poll.NoData, false, true)]
    [InlineData(Poll.Waiting, false, false)]
    [InlineData(Poll.Waiting, true, true)]
    [InlineData(Poll.TransientError, false, false)]
    [InlineData(Poll.TransientError, true, true)]
    [InlineData(Poll.PermanentError, true, false)]
    [InlineData(Poll.OtherApp, true, false)]
    [InlineData(Poll.Critical, true, false)]
    [InlineData(Poll.Succeeded, true, false)]
    [InlineData(Poll.Failed, true, false)]
    public void SignalsDue_Poll_ReadsSignalsOnlyWhenTheyCanMatter(Poll poll, bool batchStartedBefore, bool due)
    {
        // Arrange
        var watch = Polls.Watch(Policy with { Signals = [SignalBuilder.Prometheus("error-rate", "q", 0.05)] });
        var state = WatchState.Initial with { BatchStarted = batchStartedBefore };

        // Act
        var result = Assessor.SignalsDue(watch, state, Polls.Sae(poll), Polls.Now);

        // Assert
        Assert.Equal(due, result);
    }

    [Fact]
    public void SignalsDue_PolicyWithoutSignals_IsFalse()
    {
        // Act
        var due = Assessor.SignalsDue(Polls.Watch(Policy), WatchState.Initial, Polls.Sae(Poll.Healthy), Polls.Now);

        // Assert
        Assert.False(due);
    }

    [Fact]
    public void SignalsDue_BreachReachingTheLimit_IsFalse()
    {
        // Arrange
        var watch = Polls.Watch(Policy with { Signals = [SignalBuilder.Prometheus("error-rate", "q", 0.05)] });

        // Act
        var due = Assessor.SignalsDue(watch, WatchState.Initial with { ConsecutiveBreaches = 1 }, Polls.Sae(Poll.Breach), Polls.Now);

        // Assert
        Assert.False(due);
    }
}

using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>Signals next to SAE's instance signal: each counted with its own limits, the worst result wins.</summary>
public sealed class AssessorSignalTests
{
    private static WatchContext Watch(OnErrorLimit onErrorLimit = OnErrorLimit.Abort, params SignalDefinition[] signals) =>
        Polls.Watch(WatchPolicy.Default with { Signals = signals, OnErrorLimit = onErrorLimit });

    private static SignalDefinition ErrorRate(int? failureLimit = null, int? errorLimit = null) =>
        SignalBuilder.Prometheus("error-rate", "q", 0.05, failureLimit: failureLimit, consecutiveErrorLimit: errorLimit);

    private static PollAssessment Assess(WatchContext watch, WatchState state, params SignalMeasurement[] signals) =>
        Assessor.Assess(watch, state, new PollMeasurements(Polls.Sae(Poll.Healthy), signals), Polls.Now);

    /// <summary>One signal's counters, with the policy's limits (failureLimit 2, consecutiveErrorLimit 4) unless the signal has its own.</summary>
    [Theory]
    //          prior breaches, errors, measured,        signal failureLimit, errorLimit, action,               breaches, errors, outcome
    [InlineData(0, 0, "breach", null, null, WatchAction.Continue, 1, 0, null)]
    [InlineData(1, 0, "breach", null, null, WatchAction.Abort, 2, 0, null)]
    [InlineData(1, 0, "breach", 3, null, WatchAction.Continue, 2, 0, null)]
    [InlineData(2, 3, "healthy", null, null, WatchAction.Continue, 0, 0, null)]
    [InlineData(1, 0, "transient", null, null, WatchAction.Continue, 1, 1, null)]
    [InlineData(0, 1, "transient", null, 2, WatchAction.Abort, 0, 2, null)]
    [InlineData(1, 3, "permanent", null, 1, WatchAction.Stop, 1, 3, WatchOutcome.Unwatchable)]
    [InlineData(1, 2, "noData", null, null, WatchAction.Continue, 1, 0, null)]
    [InlineData(0, 3, "breach", null, null, WatchAction.Continue, 1, 0, null)]
    public void Assess_Signal_FollowsTheCountingRules(
        int breaches, int errors, string measured, int? failureLimit, int? errorLimit,
        WatchAction action, int breachesAfter, int errorsAfter, WatchOutcome? outcome)
    {
        // Arrange
        var watch = Watch(OnErrorLimit.Abort, ErrorRate(failureLimit, errorLimit));
        var state = WatchState.Initial with { Signals = [new SignalCount("error-rate", breaches, errors)] };
        var measurement = measured switch
        {
            "breach" => Measured.Value("error-rate", 0.08),
            "healthy" => Measured.Value("error-rate", 0.01),
            "transient" => Measured.Transient("error-rate"),
            "permanent" => Measured.Permanent("error-rate"),
            _ => Measured.NoData("error-rate"),
        };

        // Act
        var assessment = Assess(watch, state, measurement);

        // Assert
        Assert.Equal(action, assessment.Step.Action);
        Assert.Equal(new SignalCount("error-rate", breachesAfter, errorsAfter), Assert.Single(assessment.State.Signals));
        Assert.Equal(outcome, assessment.Step.Outcome);
    }

    [Fact]
    public void Assess_SignalBreachAtTheLimit_AbortsWithItsEvidence()
    {
        // Arrange
        var watch = Watch(OnErrorLimit.Abort, ErrorRate());
        var state = WatchState.Initial with { Signals = [new SignalCount("error-rate", 1, 0)] };

        // Act
        var assessment = Assess(watch, state, Measured.Value("error-rate", 0.08));

        // Assert
        Assert.StartsWith("signal error-rate:", assessment.Step.Reason, StringComparison.Ordinal);
        Assert.Equal("0.08", Assert.Single(assessment.Step.Evidence).Observed);
        Assert.Equal("abort (signal error-rate breach 2 of 2)", assessment.Decision.ActionText);
        Assert.Equal(VerdictKind.Breach, assessment.Decision.Verdict);
    }

    [Fact]
    public void Assess_SignalErrorsAtTheLimitWithStopWatching_StopsWatching()
    {
        // Arrange
        var watch = Watch(OnErrorLimit.StopWatching, ErrorRate(errorLimit: 2));
        var state = WatchState.Initial with { Signals = [new SignalCount("error-rate", 0, 1)] };

        // Act
        var assessment = Assess(watch, state, Measured.Transient("error-rate"));

        // Assert
        Assert.Equal((WatchAction.Stop, WatchOutcome.Stopped), (assessment.Step.Action, assessment.Step.Outcome));
    }

    [Fact]
    public void Assess_PermanentSignalError_StopsAndNamesTheSignal()
    {
        // Act
        var assessment = Assess(Watch(OnErrorLimit.Abort, ErrorRate(errorLimit: 1)), WatchState.Initial, Measured.Permanent("error-rate"));

        // Assert
        Assert.Contains("signal error-rate cannot be read", assessment.Step.Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 401", assessment.Step.Reason, StringComparison.Ordinal);
    }

    /// <summary>When several signals end the watch in one poll: a breach at its limit, then a permanent error, then an error limit.</summary>
    [Theory]
    [InlineData("breach", "permanent", WatchAction.Abort, null)]
    [InlineData("permanent", "errorLimit", WatchAction.Stop, WatchOutcome.Unwatchable)]
    [InlineData("errorLimit", "breach", WatchAction.Abort, null)]
    public void Assess_SeveralSignalsEndingTheWatch_TheStrongestWins(string first, string second, WatchAction action, WatchOutcome? outcome)
    {
        // Arrange
        var a = SignalBuilder.Prometheus("a", "q", 0.05, failureLimit: 1, consecutiveErrorLimit: 1);
        var b = SignalBuilder.Prometheus("b", "q", 0.05, failureLimit: 1, consecutiveErrorLimit: 1);
        static SignalMeasurement Of(string name, string kind) => kind switch
        {
            "breach" => Measured.Value(name, 0.08),
            "permanent" => Measured.Permanent(name),
            _ => Measured.Transient(name),
        };

        // Act
        var assessment = Assess(Watch(OnErrorLimit.Abort, a, b), WatchState.Initial, Of("a", first), Of("b", second));

        // Assert
        Assert.Equal((action, outcome), (assessment.Step.Action, assessment.Step.Outcome));
    }

    /// <summary>The poll's verdict is the worst of all signals: a breach, then a read error, then no data.</summary>
    [Theory]
    [InlineData(Poll.Healthy, "healthy", VerdictKind.Healthy)]
    [InlineData(Poll.Healthy, "noData", VerdictKind.NoData)]
    [InlineData(Poll.Healthy, "transient", VerdictKind.ReadFailed)]
    [InlineData(Poll.Healthy, "breach", VerdictKind.Breach)]
    [InlineData(Poll.NoData, "transient", VerdictKind.ReadFailed)]
    [InlineData(Poll.Breach, "transient", VerdictKind.Breach)]
    [InlineData(Poll.TransientError, "noData", VerdictKind.ReadFailed)]
    [InlineData(Poll.TransientError, "breach", VerdictKind.Breach)]
    [InlineData(Poll.Waiting, "noData", VerdictKind.WaitingForHuman)]
    public void Assess_SaeAndSignal_TheWorstIsThePollsVerdict(Poll poll, string measured, VerdictKind expected)
    {
        // Arrange
        var watch = Watch(OnErrorLimit.Abort, ErrorRate(failureLimit: 5));
        var signal = measured switch
        {
            "breach" => Measured.Value("error-rate", 0.08),
            "healthy" => Measured.Value("error-rate", 0.01),
            "transient" => Measured.Transient("error-rate"),
            _ => Measured.NoData("error-rate"),
        };

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial with { BatchStarted = true }, new PollMeasurements(Polls.Sae(poll), [signal]), Polls.Now);

        // Assert
        Assert.Equal(expected, assessment.Decision.Verdict);
        Assert.Equal(expected, assessment.State.LastVerdict);
    }

    [Fact]
    public void Assess_SignalNotMeasured_CountsAsATransientError()
    {
        // Act
        var assessment = Assess(Watch(OnErrorLimit.Abort, ErrorRate()), WatchState.Initial);

        // Assert
        Assert.Equal(new SignalCount("error-rate", 0, 1), Assert.Single(assessment.State.Signals));
    }

    [Fact]
    public void Assess_SaeEndsTheWatch_SignalsAreNotCounted()
    {
        // Arrange
        var watch = Watch(OnErrorLimit.Abort, ErrorRate());

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, new PollMeasurements(Polls.Sae(Poll.Critical), [Measured.Value("error-rate", 0.08)]), Polls.Now);

        // Assert
        Assert.Empty(assessment.Signals);
        Assert.Empty(assessment.State.Signals);
    }

    [Fact]
    public void Assess_BreachesCountedWithoutAbort_AreTheNotificationsEvidence()
    {
        // Arrange
        var watch = Watch(OnErrorLimit.Abort, ErrorRate(failureLimit: 3));

        // Act
        var assessment = Assessor.Assess(watch, WatchState.Initial, new PollMeasurements(Polls.Sae(Poll.Breach), [Measured.Value("error-rate", 0.08)]), Polls.Now);

        // Assert
        Assert.Equal(["unavailableRatio", "error-rate"], assessment.CountedBreaches.Select(e => e.Signal));
    }
}

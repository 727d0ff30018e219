using ChangeGuard.Core.Health;
using ChangeGuard.Core.Orchestration;
using ChangeGuard.Core.Policy;
using ChangeGuard.Core.Signals;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Core.Tests.Orchestration;

public sealed class SignalDeciderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static WatchPolicy Policy(params SignalDefinition[] signals) => WatchPolicy.Default with { Signals = signals };

    private static SignalReading Breach(string name) =>
        new(name, SignalOutcome.Breach, "0.08 breaches the threshold <= 0.05", new Evidence(name, "0.08", "<= 0.05", []));

    private static Verdict Healthy { get; } = Verdict.Of(VerdictKind.Healthy, "2 of 2 new instances healthy");

    [Fact]
    public void Apply_BreachesUpToTheSignalsLimit_AbortsWithItsEvidence()
    {
        // Arrange
        var policy = Policy(SignalBuilder.Prometheus("error-rate", "q", 0.05, failureLimit: 2));
        var (state, first) = WatchDecider.Apply(WatchState.Initial, Healthy, [Breach("error-rate")], policy, Now);

        // Act
        var (after, second) = WatchDecider.Apply(state, Healthy, [Breach("error-rate")], policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, first.Kind);
        Assert.Equal(NextStepKind.Abort, second.Kind);
        Assert.Equal("0.08", Assert.Single(second.Evidence).Observed);
        Assert.StartsWith("signal error-rate:", second.Reason, StringComparison.Ordinal);
        Assert.Equal(VerdictKind.Breach, after.Decisions[^1].Verdict);
        Assert.Equal(0, after.ConsecutiveBreaches);
    }

    [Fact]
    public void Apply_SignalWithoutLimits_UsesThePolicys()
    {
        // Arrange
        var policy = Policy(SignalBuilder.Prometheus("error-rate", "q", 0.05)) with { FailureLimit = 1 };

        // Act
        var (_, step) = WatchDecider.Apply(WatchState.Initial, Healthy, [Breach("error-rate")], policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Abort, step.Kind);
    }

    [Fact]
    public void Apply_ErrorsUpToTheLimit_FollowOnErrorLimit()
    {
        // Arrange
        var policy = Policy(SignalBuilder.Prometheus("error-rate", "q", 0.05, consecutiveErrorLimit: 2)) with { OnErrorLimit = OnErrorLimit.StopWatching };
        var error = SignalReading.Error("error-rate", "Prometheus could not be reached (ConnectionError)");
        var (state, first) = WatchDecider.Apply(WatchState.Initial, Healthy, [error], policy, Now);

        // Act
        var (after, second) = WatchDecider.Apply(state, Healthy, [error], policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, first.Kind);
        Assert.Equal(VerdictKind.ReadFailed, state.LastVerdict);
        Assert.Equal(NextStepKind.Finish, second.Kind);
        Assert.Equal(WatchOutcome.Stopped, second.Outcome);
        Assert.Equal(2, Assert.Single(after.Signals).ConsecutiveErrors);
    }

    [Fact]
    public void Apply_HealthyReading_ResetsTheSignalsCounters()
    {
        // Arrange
        var policy = Policy(SignalBuilder.Prometheus("error-rate", "q", 0.05, failureLimit: 3));
        var (state, _) = WatchDecider.Apply(WatchState.Initial, Healthy, [Breach("error-rate")], policy, Now);
        var healthy = new SignalReading("error-rate", SignalOutcome.Healthy, "0.01 (threshold <= 0.05)");

        // Act
        var (after, step) = WatchDecider.Apply(state, Healthy, [healthy], policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(new SignalCount("error-rate", 0, 0), Assert.Single(after.Signals));
        Assert.Equal(VerdictKind.Healthy, after.LastVerdict);
    }

    [Fact]
    public void Apply_NoData_NeitherPassesNorFails()
    {
        // Arrange
        var policy = Policy(SignalBuilder.Prometheus("error-rate", "q", 0.05));
        var noData = new SignalReading("error-rate", SignalOutcome.NoData, "the query returned no series");

        // Act
        var (after, step) = WatchDecider.Apply(WatchState.Initial, Healthy, [noData], policy, Now);

        // Assert
        Assert.Equal(NextStepKind.Continue, step.Kind);
        Assert.Equal(VerdictKind.NoData, after.LastVerdict);
        Assert.Contains("no data", after.LastHealth, StringComparison.Ordinal);
    }
}

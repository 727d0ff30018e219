using System.Globalization;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// Watches judged by Prometheus queries over the simulator's ARMS-style metrics, with a real Prometheus in between.
/// Scenarios play ten times faster than real time, so each watch takes seconds.
/// </summary>
public sealed class PrometheusSignalTests
{
    private static Scenario Rollout(params MetricsPhase[] metrics) => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithReplicas(2).WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.MetricsBatch(2, 600, metrics)] }))
        .Build();

    private static Scenario HealthyRollout() => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithReplicas(2).WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(1, 40), ChangeOrders.Batch(1, 40)] }))
        .Build();

    private static SignalDefinition ErrorRate(NoDataRule noData = NoDataRule.Ignore, int? consecutiveErrorLimit = null) =>
        SignalBuilder.Prometheus("error-rate", PrometheusWatch.ErrorRateQuery, 0.05, noData: noData, window: TimeSpan.FromSeconds(3), failureLimit: 2, consecutiveErrorLimit: consecutiveErrorLimit);

    private static SignalDefinition Latency() =>
        SignalBuilder.Prometheus("latency", PrometheusWatch.LatencyQuery, 0.5, window: TimeSpan.FromSeconds(3), failureLimit: 2);

    [Fact]
    public async Task Watch_ErrorRateClimbsTo8PercentWithHealthyInstances_AbortedByTheSignalWithValueAndThreshold()
    {
        // Arrange
        var scenario = Rollout(new MetricsPhase { FromSecond = 0, ErrorRate = 0.002 }, new MetricsPhase { FromSecond = 30, ErrorRate = 0.08 });
        await using var watch = await PrometheusWatch.StartAsync(scenario);

        // Act
        await watch.Harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [ErrorRate(), Latency()] }));
        var result = await watch.Harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("signal error-rate:", result.Reason, StringComparison.Ordinal);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("error-rate", evidence.Signal);
        Assert.Equal("<= 0.05", evidence.Threshold);
        Assert.InRange(double.Parse(evidence.Observed, CultureInfo.InvariantCulture), 0.05, 0.09);
        Assert.Contains(result.Timeline, d => d.Reason.Contains("signal error-rate ok", StringComparison.Ordinal));
        Assert.Contains(result.Timeline, d => d.ActionText.Contains("signal error-rate breach 1 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_LatencyRegression_AbortedByTheLatencySignal()
    {
        // Arrange
        var scenario = Rollout(new MetricsPhase { FromSecond = 0, LatencyMs = 80 }, new MetricsPhase { FromSecond = 30, LatencyMs = 900 });
        await using var watch = await PrometheusWatch.StartAsync(scenario);

        // Act
        await watch.Harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [ErrorRate(), Latency()] }));
        var result = await watch.Harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("latency", evidence.Signal);
        Assert.Equal("<= 0.5", evidence.Threshold);
        Assert.InRange(double.Parse(evidence.Observed, CultureInfo.InvariantCulture), 0.5, 0.91);
    }

    [Fact]
    public async Task Watch_HealthyMetrics_LetsTheOrderSucceed()
    {
        // Arrange
        await using var watch = await PrometheusWatch.StartAsync(HealthyRollout());

        // Act
        await watch.Harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [ErrorRate(), Latency()] }));
        var result = await watch.Harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Contains(result.Timeline, d => d.Reason.Contains("signal error-rate ok", StringComparison.Ordinal) && d.Reason.Contains("signal latency ok", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.Contains("breach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_PrometheusDown_CountsErrorsThenAppliesTheErrorLimit()
    {
        // Arrange
        await using var watch = await PrometheusWatch.StartAsync(Rollout(), prometheusRunning: false);

        // Act
        await watch.Harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [ErrorRate(consecutiveErrorLimit: 2)] }));
        var result = await watch.Harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("signal error-rate could not be read 2 times in a row (Prometheus could not be reached", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Timeline, d => d.ActionText == "signal error-rate error 1 of 2");
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.Contains("breach", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_EmptyResultWithNoDataBreach_AbortsOnTheNoDataRule()
    {
        // Arrange
        await using var watch = await PrometheusWatch.StartAsync(Rollout());
        var missing = SignalBuilder.Prometheus("requests", "sum(arms_app_requests_count_raw{service=\"no-such-app\"})", 1, SignalComparison.AtLeast, NoDataRule.Breach, failureLimit: 1);

        // Act
        await watch.Harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [missing] }));
        var result = await watch.Harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains("the query returned no series; noData is breach", result.Reason, StringComparison.Ordinal);
        Assert.Equal("no data", Assert.Single(result.Evidence).Observed);
    }

    [Fact]
    public async Task Watch_EmptyResultWithNoDataIgnore_NeitherPassesNorFails()
    {
        // Arrange
        await using var watch = await PrometheusWatch.StartAsync(HealthyRollout());
        var missing = SignalBuilder.Prometheus("requests", "sum(arms_app_requests_count_raw{service=\"no-such-app\"})", 1, SignalComparison.AtLeast, NoDataRule.Ignore);

        // Act
        await watch.Harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [missing] }));
        var result = await watch.Harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Contains(result.Timeline, d => d.Verdict == ChangeGuard.Domain.Health.VerdictKind.NoData && d.Reason.Contains("signal requests no data", StringComparison.Ordinal));
    }
}

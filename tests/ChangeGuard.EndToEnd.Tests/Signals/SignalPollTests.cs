using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Signals;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// Signal polls: under a call budget that stretches SAE's polls, a watch still reads its signals (no SAE call) at the
/// policy's interval, so a gate that fails is counted and aborts at that pace.
/// </summary>
public sealed class SignalPollTests
{
    private static Scenario Rollout() => new ScenarioBuilder().WithTimeScale(10)
        .WithApp("app-1", a => a.WithReplicas(2)
            .WithProbe(new ProbeAnswerDefinition { FromSecond = 0 }, new ProbeAnswerDefinition { FromSecond = 1000, Status = 503 })
            .WithChangeOrder("co-1", o => o with { AgeSeconds = 700, Batches = [ChangeOrders.Batch(1, 6000), ChangeOrders.Batch(1, 6000)] }))
        .Build();

    private static SignalDefinition Gate(Uri simulator) =>
        SignalBuilder.Probe("gate", new Uri(simulator, "apps/app-1/probe").ToString(), p => p with { StatusOnly = true });

    [Fact]
    public async Task Watch_BudgetStretchesSaePolls_ReadsTheGateBetweenThemAndAbortsOnIt()
    {
        // Arrange: 12 calls a minute stretch a 1 s poll (1.1 calls) to about 6 s; the batch started 70 s ago (past its
        // riskiest first minute, when polls keep their interval) and the gate fails 30 s after the watch starts
        await using var harness = await GuardHarness.StartAsync(
            Rollout(),
            new Dictionary<string, string?> { ["Sae:Budget:CallsPerMinute"] = "12" },
            simulatorSettings: simulator => new SignalSettings().ProbeTarget(new Uri(simulator, "apps/").ToString()).Build());

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Signals = [Gate(harness.Simulator.BaseAddress)], FailureLimit = 2 }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("signal gate:", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Timeline, d => d.Reason.StartsWith("signals only", StringComparison.Ordinal));
        Assert.True(harness.Simulator.Simulator.Log.Read("DescribeApplicationInstances").Count < result.Polls);
    }
}

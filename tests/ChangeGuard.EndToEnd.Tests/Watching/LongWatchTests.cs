using ChangeGuard.Domain.Assessment;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;

namespace ChangeGuard.EndToEnd.Tests.Watching;

/// <summary>Watches that outlive one history generation keep their clock and counters.</summary>
public sealed class LongWatchTests
{
    [Fact]
    public async Task Timeout_AcrossContinueAsNew_CountsFromTheWatchStart()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(
            new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                IfNotAborted = OrderEnding.Stuck,
                Batches = [ChangeOrders.Batch(4, 10) with { InstancesAppear = false }],
            })).Build(),
            new Dictionary<string, string?> { ["ChangeGuard:PollsPerGeneration"] = "2" });

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Timeout = TimeSpan.FromSeconds(5) }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("timeout", result.Reason, StringComparison.Ordinal);
        Assert.True(result.Polls > 2, $"the watch should outlive one two-poll generation, polled {result.Polls} times");
        Assert.Contains(result.Evidence, e => e.Signal == "timeout");
    }

    [Fact]
    public async Task Breaches_AcrossContinueAsNew_KeepCounting()
    {
        // Arrange: one generation per poll; failureLimit 3 needs breaches carried across generations.
        await using var harness = await GuardHarness.StartAsync(
            new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 4, fromSecond: 0, instances: 4, durationSeconds: 3600)],
            })).Build(),
            new Dictionary<string, string?> { ["ChangeGuard:PollsPerGeneration"] = "2" });

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { FailureLimit = 3 }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains(result.Timeline, d => d.ActionText == "abort (breach 3 of 3)");
    }
}

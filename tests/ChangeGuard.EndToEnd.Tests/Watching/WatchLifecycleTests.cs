using ChangeGuard.Core.Orchestration;
using ChangeGuard.Sae.Models.ChangeOrders;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;

namespace ChangeGuard.EndToEnd.Tests.Watching;

public sealed class WatchLifecycleTests
{
    [Fact]
    public async Task Watch_HealthyRollout_SucceedsWithoutAbortCall()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithChangeOrder("co-1")).Build());

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        Assert.True(result.Polls >= 2);
    }

    [Fact]
    public async Task Watch_BadBatch_AbortsWithinFailureLimitPlusOnePollsOfTheFault()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 30, instances: 2, durationSeconds: 300), ChangeOrders.Batch(2)],
            })).Build());

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal(ChangeOrderStatus.Aborted, result.FinalStatus);
        Assert.True(result.AbortConfirmed);
        Assert.Contains(result.Evidence, e => e.Signal == "unavailableRatio");
        var abort = Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        Assert.Equal("true", abort.Parameters["Rollback"]);
        var breachingPolls = result.Timeline.Count(d => d.Verdict == Core.Health.VerdictKind.Breach && d.Action.StartsWith("breach", StringComparison.Ordinal));
        Assert.InRange(breachingPolls, 1, 2);
    }
}

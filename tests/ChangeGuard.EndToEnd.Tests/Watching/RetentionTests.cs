using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Watching;

public sealed class RetentionTests
{
    [Fact]
    public async Task PurgeEnded_EndedAndRunningWatches_RemovesOnlyTheEndedOne()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-ended", o => o with { Batches = [ChangeOrders.Batch(2, 3600)] }))
            .WithApp("app-2", a => a.WithChangeOrder("co-running", o => o with { Batches = [ChangeOrders.Batch(2, 3600)] }))
            .Build());
        await harness.StartWatchAsync("co-ended", appId: "app-1");
        await harness.StartWatchAsync("co-running", appId: "app-2");
        await harness.Watches.StopAsync("co-ended", new ManualCommand(null, "test"));
        await harness.WaitForResultAsync("co-ended");

        // Act
        var purged = await harness.Watches.PurgeEndedAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        // Assert
        Assert.Equal(1, purged);
        Assert.Null(await harness.Watches.GetAsync("co-ended"));
        Assert.NotNull(await harness.Watches.GetAsync("co-running"));
    }

    [Fact]
    public async Task PurgeEnded_WatchEndedAfterTheCutOff_KeepsIt()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-ended", o => o with { Batches = [ChangeOrders.Batch(2, 3600)] }))
            .Build());
        await harness.StartWatchAsync("co-ended", appId: "app-1");
        await harness.Watches.StopAsync("co-ended", new ManualCommand(null, "test"));
        await harness.WaitForResultAsync("co-ended");

        // Act
        var purged = await harness.Watches.PurgeEndedAsync(DateTimeOffset.UtcNow.AddDays(-1));

        // Assert
        Assert.Equal(0, purged);
        Assert.NotNull(await harness.Watches.GetAsync("co-ended"));
    }
}

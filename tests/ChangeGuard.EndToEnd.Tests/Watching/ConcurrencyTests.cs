using ChangeGuard.Domain.Assessment;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Watching;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Start_TwentyConcurrentStartsOfOneOrder_CreateOneWatch()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 3600)] })).Build());

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => harness.StartWatchAsync("co-1")));

        // Assert
        Assert.Single(results, r => r.Kind == WatchStartKind.Started);
        Assert.Equal(19, results.Count(r => r.Kind == WatchStartKind.AlreadyWatched));
        Assert.All(results, r => Assert.Equal(WatchIds.ForChangeOrder("co-1"), r.Watch!.InstanceId));
        var page = await harness.Watches.ListAsync(new WatchQuery());
        Assert.Single(page.Watches);
    }

    [Fact]
    public async Task Start_AfterPreviousWatchEnded_StartsAFreshWatch()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 3600)] })).Build());
        await harness.StartWatchAsync("co-1");
        await harness.Watches.StopAsync("co-1", new ManualCommand(null, "test"));
        await harness.WaitForResultAsync("co-1");

        // Act
        var again = await harness.StartWatchAsync("co-1");

        // Assert
        Assert.Equal(WatchStartKind.Started, again.Kind);
    }

    [Fact]
    public async Task Watches_ManyOrdersAtOnce_EachEndsOnItsOwnVerdict()
    {
        // Arrange: five apps, two of them bad.
        var builder = new ScenarioBuilder().WithTimeScale(10);
        for (var i = 0; i < 5; i++)
        {
            var bad = i % 2 == 1;
            builder.WithApp($"app-{i}", a => a.WithChangeOrder($"co-{i}", o => bad
                ? o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }
                : o));
        }

        await using var harness = await GuardHarness.StartAsync(builder.Build());

        // Act
        for (var i = 0; i < 5; i++)
        {
            await harness.StartWatchAsync($"co-{i}", appId: $"app-{i}");
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => harness.WaitForResultAsync($"co-{i}")));

        // Assert
        Assert.Equal([WatchOutcome.Succeeded, WatchOutcome.Aborted, WatchOutcome.Succeeded, WatchOutcome.Aborted, WatchOutcome.Succeeded], results.Select(r => r.Outcome));
        Assert.Equal(2, harness.Simulator.Simulator.Log.Read("AbortChangeOrder").Count);
    }
}

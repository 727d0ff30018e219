using ChangeGuard.Domain.Assessment;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Reliability;

/// <summary>Aborts racing each other: busy answers everywhere, a guard and a person aborting one order at once.</summary>
public sealed class AbortConcurrencyTests
{
    [Fact]
    public async Task TwentyWatches_EveryFirstAbortBusy_EachOrderAbortedExactlyOnce()
    {
        // Arrange
        var scenario = new ScenarioBuilder().WithTimeScale(10).WithFaults(new FaultDefinition { AbortBusyCount = 1 });
        for (var i = 0; i < 20; i++)
        {
            scenario.WithApp($"app-{i}", a => a.WithChangeOrder($"co-{i}", o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 0, 2, 600), ChangeOrders.Batch(2)] }));
        }

        await using var harness = await GuardHarness.StartAsync(scenario.Build());

        // Act
        for (var i = 0; i < 20; i++)
        {
            await harness.StartWatchAsync($"co-{i}", appId: $"app-{i}");
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => harness.WaitForResultAsync($"co-{i}", TimeSpan.FromMinutes(2))));

        // Assert
        Assert.All(results, r => Assert.Equal(WatchOutcome.Aborted, r.Outcome));
        var aborts = harness.Simulator.Simulator.Log.Read("AbortChangeOrder");
        foreach (var group in aborts.GroupBy(a => a.Parameters["ChangeOrderId"]))
        {
            Assert.Equal(1, group.Count(a => a.Status == 200));
            Assert.Equal(SaeErrorCodes.ChangeOrderRunning, group.First().Code);
        }

        Assert.Equal(20, aborts.Select(a => a.Parameters["ChangeOrderId"]).Distinct().Count());
    }

    [Fact]
    public async Task GuardAndPerson_AbortTheSameOrderAtOnce_OneEffectiveAbort()
    {
        // Arrange: the order is past the guard's hard maximum and already watched.
        await using var harness = await GuardHarness.StartAsync(
            new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { AgeSeconds = 1200, Batches = [ChangeOrders.Batch(4, 36_000)] })).Build(),
            new Dictionary<string, string?>
            {
                ["ChangeGuard:Guard:Apps:0:RegionId"] = "cn-hangzhou",
                ["ChangeGuard:Guard:Apps:0:AppId"] = "app-1",
                ["ChangeGuard:Guard:HardMaximum"] = "00:10:00",
            });
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Timeout = TimeSpan.FromHours(1) }));
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 1);

        // Act
        await Task.WhenAll(
            harness.Guard.RunAsync(harness.Watches),
            harness.Watches.AbortAsync("co-1", new ManualCommand("now", "alice")));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert: one accepted abort; whichever watch reports last (the person's, or one the guard started after it)
        // says the order ended aborted.
        Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"), a => a.Status == 200);
        Assert.True(result.Outcome == WatchOutcome.Aborted || (result.Outcome == WatchOutcome.AlreadyEnded && result.FinalStatus == ChangeGuard.Domain.ChangeOrderStatus.Aborted),
            $"{result.Outcome} {result.FinalStatus}: {result.Reason}");
    }
}

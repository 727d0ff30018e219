using ChangeGuard.Domain.Assessment;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Guard;

public sealed class RollbackGuardTests
{
    private static readonly Dictionary<string, string?> GuardApp1 = new()
    {
        ["ChangeGuard:Guard:Apps:0:RegionId"] = "cn-hangzhou",
        ["ChangeGuard:Guard:Apps:0:AppId"] = "app-1",
        ["ChangeGuard:Guard:HardMaximum"] = "00:10:00",
        ["ChangeGuard:Policy:PollInterval"] = "00:00:01",
    };

    private static Scenario Running(Func<ChangeOrderDefinition, ChangeOrderDefinition>? change = null, FaultDefinition? faults = null) =>
        new ScenarioBuilder().WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.InRegion("cn-hangzhou", "cn-hangzhou:team").WithChangeOrder("co-1", o =>
            {
                var running = o with { Batches = [ChangeOrders.Batch(4, 36_000)] };
                return change?.Invoke(running) ?? running;
            }))
            .Build();

    [Fact]
    public async Task Run_UnwatchedRunningOrder_AdoptsIt()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Running(), GuardApp1);

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);
        var watch = await harness.Watches.GetAsync("co-1");

        // Assert
        Assert.Equal(["co-1"], report.Adopted);
        Assert.Equal(1, report.AppsScanned);
        Assert.NotNull(watch);
        Assert.Equal(RollbackGuard.Actor, watch.RequestedBy);
        Assert.Equal(TimeSpan.FromSeconds(1), watch.Policy!.PollInterval);
    }

    [Fact]
    public async Task Run_TwiceAtOnce_AdoptsOnce()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Running(), GuardApp1);

        // Act
        var reports = await Task.WhenAll(harness.Guard.RunAsync(harness.Watches), harness.Guard.RunAsync(harness.Watches));

        // Assert
        Assert.Equal(1, reports.Sum(r => r.Adopted.Count));
        Assert.Equal(1, reports.Sum(r => r.AlreadyWatched.Count));
        Assert.Single((await harness.Watches.ListAsync(new WatchQuery())).Watches);
    }

    [Fact]
    public async Task Run_NamespaceConfigured_FindsItsApps()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Running(), new Dictionary<string, string?>
        {
            ["ChangeGuard:Guard:Namespaces:0:RegionId"] = "cn-hangzhou",
            ["ChangeGuard:Guard:Namespaces:0:NamespaceId"] = "cn-hangzhou:team",
        });

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);

        // Assert
        Assert.Equal(1, report.AppsScanned);
        Assert.Equal(["co-1"], report.Adopted);
    }

    [Fact]
    public async Task Run_OrderPastHardMaximum_AbortsIt()
    {
        // Arrange: the order has run for 20 minutes; the maximum is 10.
        await using var harness = await GuardHarness.StartAsync(Running(o => o with { AgeSeconds = 1200 }), GuardApp1);

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(["co-1"], report.AbortedOverMaximum);
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains("hard maximum", result.Reason);
    }

    [Fact]
    public async Task Run_WatchEndedAbortFailed_RetriesTheAbort()
    {
        // Arrange: the first watch cannot abort (denied), then the permission is fixed.
        await using var harness = await GuardHarness.StartAsync(Running(faults: new FaultDefinition { DeniedActions = ["AbortChangeOrder"] }), GuardApp1);
        await harness.StartWatchAsync("co-1");
        await harness.Watches.AbortAsync("co-1", new ManualCommand("bad", "test"));
        var failed = await harness.WaitForResultAsync("co-1");
        harness.Simulator.Simulator.World.SetFaults(new FaultDefinition());

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);
        var retried = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.AbortFailed, failed.Outcome);
        Assert.Equal(["co-1"], report.AbortRetried);
        Assert.Equal(WatchOutcome.Aborted, retried.Outcome);
        Assert.Contains("retrying an abort", retried.Reason);
    }

    [Fact]
    public async Task Run_NothingRunning_ReportsNothing()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(new ScenarioBuilder().WithApp("app-1").Build(), GuardApp1);

        // Act
        var report = await harness.Guard.RunAsync(harness.Watches);

        // Assert
        Assert.Equal(0, report.RunningOrders);
        Assert.Empty(report.Errors);
    }
}

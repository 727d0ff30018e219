using ChangeGuard.Domain.Assessment;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Watching;

/// <summary>Abort-now and stop, honoured at any moment: between polls, during an activity, across ContinueAsNew.</summary>
public sealed class ManualControlTests
{
    private static Scenario LongHealthy(FaultDefinition? faults = null) =>
        new ScenarioBuilder().WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 3600)] }))
            .Build();

    [Fact]
    public async Task AbortNow_RunningWatch_AbortsWithWhoAndWhy()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(LongHealthy());
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 1);

        // Act
        var accepted = await harness.Watches.AbortAsync("co-1", new ManualCommand("latency regression", "alice"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(CommandDelivery.Accepted, accepted);
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal("manual abort by alice: latency regression", result.Reason);
        Assert.Equal("alice", result.RequestedBy);
        Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Stop_RunningWatch_EndsStoppedWithoutAbort()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(LongHealthy());
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 1);

        // Act
        await harness.Watches.StopAsync("co-1", new ManualCommand("handing over", "bob"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Stopped, result.Outcome);
        Assert.Equal("stopped by bob: handing over", result.Reason);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task AbortNow_WhileReadActivityRuns_IsHonoured()
    {
        // Arrange: every SAE answer takes 1.5 s, so the watch spends most of its time inside the read activity.
        await using var harness = await GuardHarness.StartAsync(LongHealthy(new FaultDefinition { LatencyMs = 1500 }));
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 1);
        await Task.Delay(300);

        // Act
        await harness.Watches.AbortAsync("co-1", new ManualCommand("now", "carol"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("manual abort by carol", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(700)]
    [InlineData(1400)]
    public async Task AbortNow_AroundContinueAsNew_IsHonoured(int delayMs)
    {
        // Arrange: two polls per generation, so a generation ends every two seconds.
        await using var harness = await GuardHarness.StartAsync(LongHealthy(), new Dictionary<string, string?> { ["ChangeGuard:PollsPerGeneration"] = "2" });
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 2);
        await Task.Delay(delayMs);

        // Act
        await harness.Watches.AbortAsync("co-1", new ManualCommand(null, "dave"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal("dave", result.RequestedBy);
    }

    [Fact]
    public async Task Stop_AfterSeveralGenerations_IsHonouredAndCountersCarryOver()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(LongHealthy(), new Dictionary<string, string?> { ["ChangeGuard:PollsPerGeneration"] = "2" });
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 5);

        // Act
        await harness.Watches.StopAsync("co-1", new ManualCommand(null, "erin"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Stopped, result.Outcome);
        Assert.True(result.Polls >= 5);
        var log = harness.Simulator.Simulator.Log;
        Assert.Equal(result.Polls, log.Read("DescribeApplicationInstances").Count);
        Assert.Equal(1 + ((result.Polls - 1) / Assessor.OrderReadEvery), log.Read("DescribeChangeOrder").Count - 1); // the check before the watch started apart
    }

    [Fact]
    public async Task Commands_UnknownOrEndedWatch_AreReported()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(LongHealthy());
        await harness.StartWatchAsync("co-1");
        await harness.Watches.StopAsync("co-1", new ManualCommand(null, "test"));
        await harness.WaitForResultAsync("co-1");

        // Act
        var unknown = await harness.Watches.AbortAsync("co-unknown", new ManualCommand(null, null));
        var ended = await harness.Watches.AbortAsync("co-1", new ManualCommand(null, null));
        var malformed = await harness.Watches.StopAsync("co 1/..", new ManualCommand(null, null));

        // Assert
        Assert.Equal(CommandDelivery.NotFound, unknown);
        Assert.Equal(CommandDelivery.AlreadyEnded, ended);
        Assert.Equal(CommandDelivery.Invalid, malformed);
    }
}

using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Watching;

/// <summary>Whole watches on the in-process engine against the simulator over HTTP: every ending a watch can have.</summary>
public sealed class WatchLifecycleTests
{
    private static Scenario Single(Func<ChangeOrderDefinition, ChangeOrderDefinition>? order = null, FaultDefinition? faults = null, double timeScale = 10, int seed = 1) =>
        new ScenarioBuilder().WithTimeScale(timeScale).WithSeed(seed).WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.WithExistingRestarts(4).WithChangeOrder("co-1", order))
            .Build();

    private static ChangeOrderDefinition BadFirstBatch(ChangeOrderDefinition order) => order with
    {
        Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 30, instances: 2, durationSeconds: 600), ChangeOrders.Batch(2)],
    };

    [Fact]
    public async Task Watch_HealthyRollout_SucceedsWithoutAbortCall()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single());

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal(ChangeOrderStatus.Succeeded, result.FinalStatus);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        Assert.True(result.Polls >= 2);
    }

    [Fact]
    public async Task Watch_BadBatch_AbortsWithinFailureLimitPlusOnePollsOfTheFault()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(BadFirstBatch));

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
        var fault = harness.Simulator.Simulator.World.FaultAppearsAt("co-1")!.Value;
        var pollsAfterFault = result.Timeline.Count(d => d.Poll > 0 && d.At >= fault && d.Action != WatchAction.AbortAccepted);
        Assert.InRange(pollsAfterFault, 1, 3);
    }

    [Fact]
    public async Task Watch_RollbackFalse_AbortsWithoutRollback()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(BadFirstBatch));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Rollback = false }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal("false", Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder")).Parameters["Rollback"]);
    }

    [Fact]
    public async Task Watch_StuckRollout_AbortsAtItsTimeout()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(o => o with
        {
            IfNotAborted = OrderEnding.Stuck,
            Batches = [ChangeOrders.Batch(4) with { InstancesAppear = false }],
        }));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { Timeout = TimeSpan.FromSeconds(4) }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.StartsWith("timeout", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Evidence, e => e.Signal == "timeout");
        Assert.Contains(result.Timeline, d => d.Verdict == VerdictKind.NoData);
    }

    [Fact]
    public async Task Watch_FlakySaeOnHealthyRollout_NeverAborts()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(faults: new FaultDefinition { ThrottleRatio = 0.3, ServerErrorRatio = 0.1 }, seed: 8));

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        Assert.Contains(harness.Simulator.Simulator.Log.Read(), e => e.Status != 200);
    }

    [Fact]
    public async Task Watch_FirstThreeAbortsBusy_RetriesUntilAborted()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(BadFirstBatch, new FaultDefinition { AbortBusyCount = 3 }));

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        var aborts = harness.Simulator.Simulator.Log.Read("AbortChangeOrder");
        Assert.Equal(4, aborts.Count);
        Assert.All(aborts.Take(3), a => Assert.Equal(SaeErrorCodes.ChangeOrderRunning, a.Code));
        Assert.Equal("200", aborts[3].Code);
    }

    [Fact]
    public async Task Watch_OrderFinishesJustBeforeAbort_EndsAlreadyEnded()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(BadFirstBatch, new FaultDefinition { FinishBeforeAbort = true }));

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.AlreadyEnded, result.Outcome);
        Assert.Equal(ChangeOrderStatus.Succeeded, result.FinalStatus);
        Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Watch_AbortDenied_EndsAbortFailedNamingTheCode()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(BadFirstBatch, new FaultDefinition { DeniedActions = ["AbortChangeOrder"] }));

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.AbortFailed, result.Outcome);
        Assert.Equal(SaeErrorCodes.ResourceNoPermission, result.ErrorCode);
        Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Watch_DryRun_ReportsWouldAbortWithoutCallingAbort()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(BadFirstBatch));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { DryRun = true }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.DryRunWouldAbort, result.Outcome);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        Assert.Contains(result.Evidence, e => e.Signal == "unavailableRatio");
    }

    [Fact]
    public async Task Watch_BatchFailsWithSubStatus_AbortsAtOnceAsCritical()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(o => o with
        {
            OnBatchFailure = FailureMode.SubStatus,
            Batches = [ChangeOrders.Batch(2, 600) with { FailAtSecond = 20 }, ChangeOrders.Batch(2)],
        }));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { FailureLimit = 5 }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains("EDAS-10022", result.Reason);
        Assert.Contains(result.Timeline, d => d.ActionText == "abort (critical)");
        Assert.Single(harness.Simulator.Simulator.Log.Read("DescribePipeline"));
    }

    [Fact]
    public async Task Watch_RestartsWhileRunning_AbortsOnRestartsButNotForOldRestarts()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(o => o with
        {
            Batches = [ChangeOrders.Batch(2, 600) with { RestartsPerMinute = 60, RestartsFromSecond = 0 }, ChangeOrders.Batch(2)],
        }));

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        var restarts = Assert.Single(result.Evidence, e => e.Signal == "restarts");
        Assert.All(restarts.Instances, i => Assert.Contains("2-0-0", i));
    }

    [Fact]
    public async Task Watch_SaeUnreadable_AbortsAfterConsecutiveErrorLimit()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(faults: new FaultDefinition { ServerErrorRatio = 1, Actions = ["DescribeChangeOrder"] }));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { ConsecutiveErrorLimit = 2, AbortConfirmTimeout = TimeSpan.FromSeconds(10) }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert: the abort went through; its confirmation could not read SAE either.
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains("could not be read 2 times", result.Reason);
        Assert.Single(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
        Assert.False(result.AbortConfirmed);
    }

    [Fact]
    public async Task Watch_SaeUnreadableWithStopWatching_StopsAndLeavesOrderAlone()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(faults: new FaultDefinition { ServerErrorRatio = 1, Actions = ["DescribeChangeOrder"] }));

        // Act
        await harness.StartWatchAsync("co-1", Policies.Fast(p => p with { ConsecutiveErrorLimit = 2, OnErrorLimit = OnErrorLimit.StopWatching }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Stopped, result.Outcome);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Watch_ApprovalPending_ReadsOnlyTheChangeOrder()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(o => o with { ApprovalSeconds = 10_000 }));

        // Act
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 2);
        await harness.Watches.StopAsync("co-1", new ManualCommand("done", "test"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Contains(result.Timeline, d => d.Verdict == VerdictKind.WaitingForHuman);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("DescribeApplicationInstances"));
        Assert.Equal(result.Polls + 1, harness.Simulator.Simulator.Log.Read("DescribeChangeOrder").Count); // one more: the check before the watch started
    }

    [Fact]
    public async Task Watch_SteadyState_ReadsTheInstancesEachPollAndTheOrderEveryTenth()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(Single(o => o with { Batches = [ChangeOrders.Batch(4, 600)] }));

        // Act
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= Assessor.OrderReadEvery + 2);
        await harness.Watches.StopAsync("co-1", new ManualCommand(null, "test"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert: one group read for the whole watch, the instances every poll, the order on the first poll and every
        // tenth (the check before the watch started apart), so one call a poll in steady state.
        var log = harness.Simulator.Simulator.Log;
        var orderReads = 1 + ((result.Polls - 1) / Assessor.OrderReadEvery);
        Assert.Single(log.Read("DescribeApplicationGroups"));
        Assert.Equal(result.Polls, log.Read("DescribeApplicationInstances").Count);
        Assert.Equal(orderReads, log.Read("DescribeChangeOrder").Count - 1);
        Assert.Equal(result.Polls + orderReads + 1, result.SaeCalls);
    }

    [Fact]
    public async Task Watch_NextBatchStartsBetweenOrderReads_ReadsTheOrderAndJudgesTheNewBatch()
    {
        // Arrange: batch 1 healthy for 40 scenario seconds, then batch 2's instances are unavailable from their start
        await using var harness = await GuardHarness.StartAsync(Single(o => o with
        {
            Batches = [ChangeOrders.Batch(2, 40), ChangeOrders.UnhealthyBatch(unhealthy: 2, fromSecond: 0, instances: 2, durationSeconds: 600)],
        }));

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Contains(result.Evidence, e => e.Signal == "unavailableRatio" && e.Observed.Contains("in batch 2 of 2", StringComparison.Ordinal));
    }
}

using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.EndToEnd.Tests.Watching;

/// <summary>
/// The promotion gate on the engine that ships, against the simulator's manual releases: a healthy batch is confirmed
/// after its bake, a bad one is aborted instead, a person's confirm is never doubled, a dry run calls nothing and the
/// last-batch limit leaves a batch to a person.
/// </summary>
public sealed class PromotionTests
{
    private static Scenario ManualRelease(Func<ChangeOrderDefinition, ChangeOrderDefinition>? change = null, FaultDefinition? faults = null) =>
        new ScenarioBuilder().WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o =>
            {
                var manual = o with { BatchType = BatchMode.Manual, Batches = [ChangeOrders.Batch(durationSeconds: 2), ChangeOrders.Batch(durationSeconds: 2), ChangeOrders.Batch(durationSeconds: 2)] };
                return change?.Invoke(manual) ?? manual;
            }))
            .Build();

    private static WatchPolicyOverrides Promoting(Func<PromoteOverrides, PromoteOverrides>? change = null, bool dryRun = false)
    {
        var promote = new PromoteOverrides { BakeTime = TimeSpan.FromSeconds(2), MinHealthyPolls = 2 };
        return Policies.Fast(p => p with { Promote = change?.Invoke(promote) ?? promote, DryRun = dryRun });
    }

    [Fact]
    public async Task Promote_HealthyThreeBatchManualRelease_ConfirmsEachBatchToSuccess()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(ManualRelease());

        // Act
        await harness.StartWatchAsync("co-1", Promoting());
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal([(2, PromotionResult.Confirmed), (3, PromotionResult.Confirmed)], result.Promotions.Select(p => (p.Batch, p.Result)));
        Assert.Equal([(2, BatchConfirmation.Api), (3, BatchConfirmation.Api)],
            harness.Simulator.Simulator.World.Confirmations("co-1").Select(c => (c.Batch, c.By)));
        Assert.Empty(harness.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Promote_BatchTurningBadDuringBake_AbortsAndNeverConfirms()
    {
        // Arrange: batch 1 finishes after 2 s and turns bad at 3 s, inside a 6 s bake.
        var bad = ManualRelease(o => o with { Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 4, fromSecond: 3, durationSeconds: 2), ChangeOrders.Batch(durationSeconds: 2), ChangeOrders.Batch(durationSeconds: 2)] });
        await using var harness = await GuardHarness.StartAsync(bad);

        // Act
        await harness.StartWatchAsync("co-1", Promoting(p => p with { BakeTime = TimeSpan.FromSeconds(6) }));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Empty(result.Promotions);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("ConfirmPipelineBatch"));
        Assert.Empty(harness.Simulator.Simulator.World.Confirmations("co-1"));
    }

    [Fact]
    public async Task Promote_PersonConfirmingAtTheSameMoment_OneConfirmTakesEffectPerBatch()
    {
        // Arrange: each time ChangeGuard confirms, a person's click lands just before it.
        await using var harness = await GuardHarness.StartAsync(ManualRelease(faults: new FaultDefinition { PersonConfirmsFirst = true }));

        // Act
        await harness.StartWatchAsync("co-1", Promoting());
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal([(2, BatchConfirmation.Person), (3, BatchConfirmation.Person)],
            harness.Simulator.Simulator.World.Confirmations("co-1").Select(c => (c.Batch, c.By)));
        Assert.Equal([PromotionResult.AlreadyConfirmed, PromotionResult.AlreadyConfirmed], result.Promotions.Select(p => p.Result));
        Assert.All(harness.Simulator.Simulator.Log.Read("ConfirmPipelineBatch"), call => Assert.NotEqual("200", call.Code));
    }

    [Fact]
    public async Task Promote_DryRun_ConfirmsNothingAndReportsWouldPromote()
    {
        // Arrange: a person confirms each batch 5 s after it waits; the dry run's gate opens after 2 s.
        await using var harness = await GuardHarness.StartAsync(ManualRelease(o => o with { ConfirmAfterSeconds = 5 }));

        // Act
        await harness.StartWatchAsync("co-1", Promoting(dryRun: true));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal([(2, PromotionResult.WouldPromote), (3, PromotionResult.WouldPromote)], result.Promotions.Select(p => (p.Batch, p.Result)));
        Assert.Empty(harness.Simulator.Simulator.Log.Read("ConfirmPipelineBatch"));
    }

    [Fact]
    public async Task PromoteNow_PersonPromotesTheWaitingBatch_ConfirmsItAndTheWatchGoesOn()
    {
        // Arrange: promotion is off; the watch sees the order wait for batch 2.
        await using var harness = await GuardHarness.StartAsync(ManualRelease(o => o with { Batches = [ChangeOrders.Batch(durationSeconds: 2), ChangeOrders.Batch(durationSeconds: 2)] }));
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.LastHealth?.Contains("waits for confirmation of batch 2", StringComparison.Ordinal) == true);

        // Act
        var accepted = await harness.Watches.PromoteAsync("co-1", new ManualCommand("canary looks good", "alice"));
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(CommandDelivery.Accepted, accepted);
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal([(2, PromotionResult.Confirmed)], result.Promotions.Select(p => (p.Batch, p.Result)));
        Assert.Equal([(2, BatchConfirmation.Api)], harness.Simulator.Simulator.World.Confirmations("co-1").Select(c => (c.Batch, c.By)));
    }

    [Fact]
    public async Task PromoteNow_BeforeTheBatchEnds_ConfirmsNothing()
    {
        // Arrange: batch 1 runs for ten minutes.
        await using var harness = await GuardHarness.StartAsync(ManualRelease(o => o with { Batches = [ChangeOrders.Batch(durationSeconds: 600), ChangeOrders.Batch(durationSeconds: 2)] }));
        await harness.StartWatchAsync("co-1");
        await harness.WaitForWatchAsync("co-1", w => w.Status?.Polls >= 1);

        // Act
        await harness.Watches.PromoteAsync("co-1", new ManualCommand(null, "bob"));
        var view = await harness.WaitForWatchAsync("co-1", w => w.Status?.LastDecisions.Any(d => d.ActionText == "not waiting yet") == true);

        // Assert
        Assert.False(view.HasEnded);
        Assert.Empty(harness.Simulator.Simulator.Log.Read("ConfirmPipelineBatch"));
        Assert.Empty(view.Status!.Promotions);
    }

    [Fact]
    public async Task Promote_LastBatchLimit_LeavesTheFinalBatchToAPerson()
    {
        // Arrange
        await using var harness = await GuardHarness.StartAsync(ManualRelease());
        await harness.StartWatchAsync("co-1", Promoting(p => p with { LastBatch = -1 }));
        await harness.WaitForWatchAsync("co-1", w => w.Status?.LastDecisions.Any(d => d.ActionText.Contains("left for a person", StringComparison.Ordinal)) == true);

        // Act
        harness.Simulator.Simulator.World.Confirm("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Succeeded, result.Outcome);
        Assert.Equal([(2, PromotionResult.Confirmed)], result.Promotions.Select(p => (p.Batch, p.Result)));
        Assert.Equal([(2, BatchConfirmation.Api), (3, BatchConfirmation.Person)],
            harness.Simulator.Simulator.World.Confirmations("co-1").Select(c => (c.Batch, c.By)));
    }
}

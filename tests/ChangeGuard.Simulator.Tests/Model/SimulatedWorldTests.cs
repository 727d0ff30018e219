using ChangeGuard.Domain;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace ChangeGuard.Simulator.Tests.Model;

public sealed class SimulatedWorldTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private SimulatedWorld World(Func<ChangeOrderDefinition, ChangeOrderDefinition>? order = null, FaultDefinition? faults = null, int replicas = 4, long[]? restarts = null)
    {
        var world = new SimulatedWorld(_time);
        world.Load(new ScenarioBuilder()
            .WithFaults(faults ?? new FaultDefinition())
            .WithApp("app", a => a.WithReplicas(replicas).WithExistingRestarts(restarts ?? [7]).WithChangeOrder("co", order))
            .Build());
        return world;
    }

    private static IReadOnlyList<InstanceState> Instances(SimulatedWorld world) =>
        world.Read(v => v.World.FindOrderUnlocked("co")!.Instances(v.Now, "1.0.0"));

    private static ChangeOrderStatus Status(SimulatedWorld world) =>
        world.Read(v => v.World.FindOrderUnlocked("co")!.Snapshot(v.Now).Status);

    [Fact]
    public void Instances_BeforeOrderTouchesThem_AreOldVersionWithExistingRestarts()
    {
        // Arrange
        var world = World(o => o with { ApprovalSeconds = 100 });

        // Act
        var instances = Instances(world);

        // Assert
        Assert.Equal(4, instances.Count);
        Assert.All(instances, i => Assert.Equal("1.0.0", i.Version));
        Assert.All(instances, i => Assert.Equal(7, i.Restarts));
    }

    [Fact]
    public void Instances_UnhealthyPhaseReached_MarksThatManyNewInstances()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 1, fromSecond: 10, instances: 2), ChangeOrders.Batch(2)] });
        _time.Advance(TimeSpan.FromSeconds(11));

        // Act
        var instances = Instances(world);

        // Assert
        var batch = instances.Where(i => i.PipelineId == "co-batch-1").ToList();
        Assert.Equal(2, batch.Count);
        Assert.Single(batch, i => i.HealthStatus == "ReadinessUnhealthy");
        Assert.Equal(2, instances.Count(i => i.Version == "1.0.0"));
    }

    [Fact]
    public void Instances_RestartsPerMinute_AccumulateWhileRunning()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.Batch(4, 600) with { RestartsPerMinute = 3, RestartsFromSecond = 0 }] });
        _time.Advance(TimeSpan.FromSeconds(61));

        // Act
        var instances = Instances(world);

        // Assert
        Assert.All(instances, i => Assert.Equal(3, i.Restarts));
        Assert.All(instances, i => Assert.Equal("Running", i.ContainerStatus));
    }

    [Fact]
    public void Instances_NeverAppear_LeavesOnlyUntouchedSlots()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.Batch(2) with { InstancesAppear = false }, ChangeOrders.Batch(2)] });
        _time.Advance(TimeSpan.FromSeconds(5));

        // Act
        var instances = Instances(world);

        // Assert
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal("1.0.0", i.Version));
    }

    [Fact]
    public void Abort_WithRollback_ReturnsInstancesToPreviousVersion()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 0, 2), ChangeOrders.Batch(2)] });
        _time.Advance(TimeSpan.FromSeconds(5));

        // Act
        world.Abort("co", rollback: true);

        // Assert
        Assert.Equal(ChangeOrderStatus.Aborted, Status(world));
        Assert.All(Instances(world), i => Assert.Equal("1.0.0", i.Version));
        Assert.All(Instances(world), i => Assert.Equal("Healthy", i.HealthStatus));
    }

    [Fact]
    public void Abort_WithoutRollback_FreezesInstancesWhereTheyAre()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 0, 2), ChangeOrders.Batch(2)] });
        _time.Advance(TimeSpan.FromSeconds(5));

        // Act
        world.Abort("co", rollback: false);
        _time.Advance(TimeSpan.FromSeconds(100));

        // Assert
        var instances = Instances(world);
        Assert.Equal(2, instances.Count(i => i.Version == "2.0.0"));
        Assert.Equal(2, instances.Count(i => i.Version == "1.0.0"));
    }

    [Fact]
    public void Abort_NotRunning_AnswersNotRunning()
    {
        // Arrange
        var world = World();
        _time.Advance(TimeSpan.FromSeconds(61));

        // Act
        var error = Assert.Throws<SimulatorError>(() => world.Abort("co", rollback: true));

        // Assert
        Assert.Equal(SaeErrorCodes.ChangeOrderNotRunning, error.Code);
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void Abort_FirstKBusy_AnswersChangeInProgressThenAborts()
    {
        // Arrange
        var world = World(faults: new FaultDefinition { AbortBusyCount = 2 });

        // Act
        var first = Assert.Throws<SimulatorError>(() => world.Abort("co", rollback: true));
        var second = Assert.Throws<SimulatorError>(() => world.Abort("co", rollback: true));
        world.Abort("co", rollback: true);

        // Assert
        Assert.Equal(SaeErrorCodes.ChangeOrderRunning, first.Code);
        Assert.Equal(SaeErrorCodes.ChangeOrderRunning, second.Code);
        Assert.Equal(ChangeOrderStatus.Aborted, Status(world));
    }

    [Fact]
    public void Abort_FinishBeforeAbort_OrderSucceedsAndAbortAnswersNotRunning()
    {
        // Arrange
        var world = World(faults: new FaultDefinition { FinishBeforeAbort = true });

        // Act
        var error = Assert.Throws<SimulatorError>(() => world.Abort("co", rollback: true));

        // Assert
        Assert.Equal(SaeErrorCodes.ChangeOrderNotRunning, error.Code);
        Assert.Equal(ChangeOrderStatus.Succeeded, Status(world));
    }

    [Fact]
    public void Abort_BeforeFaultsFromSecond_IsAcceptedPlainly()
    {
        // Arrange
        var world = World(faults: new FaultDefinition { FromSecond = 30, AbortBusyCount = 1, AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.Lost } });
        _time.Advance(TimeSpan.FromSeconds(29));

        // Act
        var replacedBy = world.Abort("co", rollback: true);

        // Assert
        Assert.Null(replacedBy);
        Assert.Equal(ChangeOrderStatus.Aborted, Status(world));
    }

    [Fact]
    public void Abort_FromFaultsFromSecond_GetsTheAbortAnswer()
    {
        // Arrange
        var fault = new AbortAnswerFault { Mode = AbortAnswerMode.Lost };
        var world = World(o => o with { Batches = [ChangeOrders.Batch(4, 600)] }, new FaultDefinition { FromSecond = 30, AbortAnswer = fault });
        _time.Advance(TimeSpan.FromSeconds(30));

        // Act
        var replacedBy = world.Abort("co", rollback: true);

        // Assert
        Assert.Equal(fault, replacedBy);
        Assert.Equal(ChangeOrderStatus.Executing, Status(world));
    }

    [Fact]
    public void Abort_AppliedAbortAnswer_AbortsWithTheRequestedRollback()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 0, 2), ChangeOrders.Batch(2)] },
            new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = AbortAnswerMode.Malformed, Applied = true } });
        _time.Advance(TimeSpan.FromSeconds(5));

        // Act
        world.Abort("co", rollback: true);

        // Assert
        Assert.Equal(ChangeOrderStatus.Aborted, Status(world));
        Assert.All(Instances(world), i => Assert.Equal("1.0.0", i.Version));
    }

    [Fact]
    public void Abort_UnknownOrMissingId_AnswersLikeSae()
    {
        // Arrange
        var world = World();

        // Act
        var missing = Assert.Throws<SimulatorError>(() => world.Abort("", rollback: true));
        var unknown = Assert.Throws<SimulatorError>(() => world.Abort("nope", rollback: true));

        // Assert
        Assert.Equal(SaeErrorCodes.ParameterNotEmpty, missing.Code);
        Assert.Equal(SaeErrorCodes.ChangeOrderNotFound, unknown.Code);
    }

    [Fact]
    public void CreateChangeOrder_WhileAnotherRuns_AnswersChangeOrderRunning()
    {
        // Arrange
        var world = World();

        // Act
        var error = Assert.Throws<SimulatorError>(() => world.CreateChangeOrder(ChangeOrders.Healthy("co-2") with { AppId = "app" }));

        // Assert
        Assert.Equal(SaeErrorCodes.ChangeOrderRunning, error.Code);
    }

    [Fact]
    public void CreateChangeOrder_AfterPreviousSucceeded_StartsFromItsVersion()
    {
        // Arrange
        var world = World();
        _time.Advance(TimeSpan.FromSeconds(61));

        // Act
        var id = world.CreateChangeOrder(ChangeOrders.Healthy("co-2") with { AppId = "app", Version = "3.0.0", ApprovalSeconds = 10 });

        // Assert
        Assert.Equal("co-2", id);
        var version = world.Read(v => v.World.FindAppUnlocked("app")!.VersionBefore(v.World.FindOrderUnlocked("co-2"), v.Now));
        Assert.Equal("2.0.0", version);
    }

    [Fact]
    public void Confirm_OrderWaitingForBatch_StartsNextBatch()
    {
        // Arrange
        var world = World(o => o with { BatchType = BatchMode.Manual });
        _time.Advance(TimeSpan.FromSeconds(31));

        // Act
        world.Confirm("co");
        _time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, Status(world));
    }

    [Fact]
    public void Confirm_OrderNotWaiting_IsRefused()
    {
        // Arrange
        var world = World();

        // Act / Assert
        Assert.Throws<SimulatorError>(() => world.Confirm("co"));
    }

    [Fact]
    public void FaultAppearsAt_UnhealthyFromSecondTen_IsTenSecondsAfterBatchStart()
    {
        // Arrange
        var world = World(o => o with { Batches = [ChangeOrders.UnhealthyBatch(1, 10, 2), ChangeOrders.Batch(2)] });
        var start = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(15));

        // Act
        var faultAt = world.Read(v => v.World.FindOrderUnlocked("co")!.FaultAppearsAt(v.Now));

        // Assert
        Assert.Equal(start.AddSeconds(10), faultAt);
    }

    [Fact]
    public void TimeScale_Ten_PlaysTenScenarioSecondsPerSecond()
    {
        // Arrange
        var world = new SimulatedWorld(_time);
        world.Load(new ScenarioBuilder().WithTimeScale(10).WithApp("app", a => a.WithChangeOrder("co")).Build());

        // Act
        _time.Advance(TimeSpan.FromSeconds(6.1));

        // Assert
        Assert.Equal(ChangeOrderStatus.Succeeded, Status(world));
    }
}

using ChangeGuard.Domain;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;
using ChangeGuard.Watching.Activities;

namespace ChangeGuard.Watching.Tests.Activities;

/// <summary>The health reader against the simulator over HTTP: what it reads, and how few calls it needs.</summary>
public sealed class HealthReaderTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private HealthReader Reader() => new(_sim.CreateClient(), TimeProvider.System);

    private static ReadHealthRequest Request(string? groupId = null) => new("cn-hangzhou", "app-1", "co-1", groupId);

    private void Load(Func<ChangeOrderDefinition, ChangeOrderDefinition> order, FaultDefinition? faults = null, int replicas = 4) =>
        _sim.Load(new ScenarioBuilder().WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.WithReplicas(replicas).WithChangeOrder("co-1", order)).Build());

    [Fact]
    public async Task ReadAsync_FirstPoll_ReadsOrderGroupAndInstances()
    {
        // Arrange
        Load(o => o with { Batches = [ChangeOrders.UnhealthyBatch(1, 0, 2, 600), ChangeOrders.Batch(2)] });

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Null(read.Error);
        Assert.Equal(3, read.SaeCalls);
        Assert.NotNull(read.GroupId);
        var snapshot = read.Snapshot!;
        Assert.Equal(2, snapshot.Instances.Count);
        Assert.Equal(2, snapshot.OtherInstances);
        Assert.Single(snapshot.Instances, i => i.Condition == InstanceCondition.Unavailable);
        Assert.Equal(1, snapshot.Order.CurrentBatch);
        Assert.Equal(2, snapshot.Order.BatchCount);
    }

    [Fact]
    public async Task ReadAsync_GroupCached_MakesTwoCalls()
    {
        // Arrange
        Load(o => o with { Batches = [ChangeOrders.Batch(4, 600)] });
        var first = await Reader().ReadAsync(Request());

        // Act
        var second = await Reader().ReadAsync(Request(first.GroupId));

        // Assert
        Assert.Equal(2, second.SaeCalls);
        Assert.Equal(4, second.Snapshot!.Instances.Count);
    }

    [Fact]
    public async Task ReadAsync_WaitingForApproval_ReadsOnlyTheOrder()
    {
        // Arrange
        Load(o => o with { ApprovalSeconds = 600 });

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Equal(1, read.SaeCalls);
        Assert.False(read.Snapshot!.InstancesRead);
        Assert.Equal(ChangeOrderStatus.WaitingForApproval, read.Snapshot.Order.Status);
    }

    [Fact]
    public async Task ReadAsync_FailedBatch_ReadsPipelineForTheReason()
    {
        // Arrange
        Load(o => o with { OnBatchFailure = FailureMode.SubStatus, Batches = [ChangeOrders.Batch(2, 600) with { FailAtSecond = 0 }, ChangeOrders.Batch(2)] });

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Equal(1, read.Snapshot!.Order.FailedBatch);
        Assert.Equal(ChangeOrderSubStatus.Abnormal, read.Snapshot.Order.SubStatus);
        Assert.Contains("EDAS-10022", read.Snapshot.FailureReason);
        Assert.Single(_sim.Simulator.Log.Read("DescribePipeline"));
    }

    [Fact]
    public async Task ReadAsync_ManyInstances_PagesThroughThem()
    {
        // Arrange
        Load(o => o with { Batches = [ChangeOrders.Batch(150, 600)] }, replicas: 150);

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Equal(150, read.Snapshot!.Instances.Count);
        Assert.Equal(2, _sim.Simulator.Log.Read("DescribeApplicationInstances").Count);
    }

    [Fact]
    public async Task ReadAsync_SaeRefuses_ReturnsAPermanentErrorAsData()
    {
        // Arrange
        Load(o => o, new FaultDefinition { DeniedActions = ["DescribeChangeOrder"] });

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Null(read.Snapshot);
        Assert.Equal(ErrorClass.Permanent, read.Error!.Class);
        Assert.StartsWith(SaeErrorCodes.ResourceNoPermission, read.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, read.SaeCalls);
    }

    [Fact]
    public async Task ReadAsync_UnknownOrder_IsAPermanentError()
    {
        // Arrange
        Load(o => o);

        // Act
        var read = await Reader().ReadAsync(Request() with { ChangeOrderId = "co-typo" });

        // Assert
        Assert.Equal(ErrorClass.Permanent, read.Error!.Class);
        Assert.Contains(SaeErrorCodes.ChangeOrderNotFound, read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Throttled_IsATransientError()
    {
        // Arrange
        Load(o => o, new FaultDefinition { ThrottleRatio = 1 });

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Equal(ErrorClass.Transient, read.Error!.Class);
    }

    [Fact]
    public async Task ReadAsync_OrderOfItsApp_MeasuresTheOwner()
    {
        // Arrange
        Load(o => o);

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Equal("app-1", read.Snapshot!.Order.AppId);
    }

    [Fact]
    public async Task ReadAsync_LaterBatch_PlacesEachInstanceInTheBatchThatCreatedIt()
    {
        // Arrange
        Load(o => o with { AgeSeconds = 10, Batches = [ChangeOrders.Batch(1, 5), ChangeOrders.Batch(2, 600)] });

        // Act
        var read = await Reader().ReadAsync(Request());

        // Assert
        Assert.Equal([1, 2, 2], read.Snapshot!.Instances.OrderBy(i => i.Batch).Select(i => i.Batch));
    }

    [Fact]
    public async Task ReadAsync_KnownOrderAndSameShape_ReadsTheInstancesAlone()
    {
        // Arrange
        Load(o => o with { Batches = [ChangeOrders.UnhealthyBatch(1, 0, 2, 600), ChangeOrders.Batch(2)] });
        var first = await Reader().ReadAsync(Request());
        _sim.Simulator.Log.Clear();

        // Act
        var read = await Reader().ReadAsync(Request(first.GroupId) with { ReadOrder = false, KnownOrder = first.Snapshot!.Order, KnownCounts = first.Snapshot.Counts });

        // Assert
        Assert.Equal(1, read.SaeCalls);
        Assert.Equal(["DescribeApplicationInstances"], _sim.Simulator.Log.Read().Select(e => e.Action));
        Assert.False(read.Snapshot!.OrderRead);
        Assert.Equal(first.Snapshot.Order, read.Snapshot.Order);
        Assert.Single(read.Snapshot.Instances, i => i.Condition == InstanceCondition.Unavailable);
    }

    [Fact]
    public async Task ReadAsync_ShapeChangedSinceTheOrderWasRead_ReadsTheOrderToo()
    {
        // Arrange: the order was last read before its second batch started
        Load(o => o with { AgeSeconds = 10, Batches = [ChangeOrders.Batch(1, 5), ChangeOrders.Batch(2, 600)] });
        var first = await Reader().ReadAsync(Request());
        var before = first.Snapshot!.Order with { CurrentBatch = 1, BatchStarts = [first.Snapshot.Order.BatchStarts![0], null] };

        // Act
        var read = await Reader().ReadAsync(Request(first.GroupId) with { ReadOrder = false, KnownOrder = before, KnownCounts = new InstanceCounts(1, 3) });

        // Assert
        Assert.Equal(2, read.SaeCalls);
        Assert.True(read.Snapshot!.OrderRead);
        Assert.Equal(2, read.Snapshot.Order.CurrentBatch);
        Assert.Equal([1, 2, 2], read.Snapshot.Instances.OrderBy(i => i.Batch).Select(i => i.Batch));
    }

    [Fact]
    public async Task ReadAsync_KnownOrderRunsNoBatch_ReadsTheOrder()
    {
        // Arrange
        Load(o => o with { ApprovalSeconds = 600 });
        var first = await Reader().ReadAsync(Request());

        // Act
        var read = await Reader().ReadAsync(Request() with { ReadOrder = false, KnownOrder = first.Snapshot!.Order });

        // Assert
        Assert.Equal(1, read.SaeCalls);
        Assert.True(read.Snapshot!.OrderRead);
    }
}

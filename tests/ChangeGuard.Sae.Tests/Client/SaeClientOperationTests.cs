using ChangeGuard.Domain;
using ChangeGuard.Sae.Models;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>Every operation round-tripped over loopback against the simulator, signed for real.</summary>
public sealed class SaeClientOperationTests : IAsyncLifetime
{
    private const string Region = "cn-hangzhou";
    private SimulatorFixture _sim = null!;
    private ISaeClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.InRegion(Region, "cn-hangzhou:team").WithReplicas(4).WithExistingRestarts(1, 2, 3, 4)
                .WithChangeOrder("co-1", o => o with
                {
                    Batches = [ChangeOrders.UnhealthyBatch(unhealthy: 1, fromSecond: 0, instances: 2, durationSeconds: 600), ChangeOrders.Batch(2)],
                }))
            .WithApp("app-2", a => a.InRegion(Region, "cn-hangzhou:other"))
            .Build());
        _client = _sim.CreateClient();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task DescribeChangeOrder_RunningOrder_ReturnsStatusAndBatches()
    {
        // Act
        var order = await _client.DescribeChangeOrderAsync(Region, "co-1");

        // Assert
        Assert.Equal("co-1", order.ChangeOrderId);
        Assert.Equal("app-1", order.AppId);
        Assert.Equal(ChangeOrderStatus.Executing, order.Status);
        Assert.Equal(ChangeOrderSubStatus.Normal, order.SubStatus);
        Assert.Equal(2, order.BatchCount);
        Assert.Equal("CoDeploy", order.CoTypeCode);
        Assert.Equal(2, order.Pipelines.Count);
        Assert.Equal(ChangeOrderStatus.Executing, order.Pipelines[0].Status);
        Assert.Equal(order.Pipelines[0].PipelineId, order.CurrentPipelineId);
        Assert.NotNull(order.CreateTime);
        Assert.NotNull(order.Pipelines[0].StartTime);
    }

    [Fact]
    public async Task ListChangeOrders_ByStatus_ReturnsMatchingPage()
    {
        // Act
        var page = await _client.ListChangeOrdersAsync(Region, new ListChangeOrdersQuery("app-1", ChangeOrderStatus.Executing, PageSize: 5));

        // Assert
        Assert.Equal(1, page.TotalSize);
        Assert.Equal("co-1", Assert.Single(page.ChangeOrderList).ChangeOrderId);
        Assert.Equal(5, page.PageSize);
    }

    [Fact]
    public async Task ListChangeOrders_OtherStatus_ReturnsEmptyPage()
    {
        // Act
        var page = await _client.ListChangeOrdersAsync(Region, new ListChangeOrdersQuery("app-1", ChangeOrderStatus.Succeeded));

        // Assert
        Assert.Empty(page.ChangeOrderList);
    }

    [Fact]
    public async Task AbortChangeOrder_RunningOrderWithRollback_StopsItAndReturnsRequestId()
    {
        // Act
        var result = await _client.AbortChangeOrderAsync(Region, "co-1", rollback: true);
        var after = await _client.DescribeChangeOrderAsync(Region, "co-1");

        // Assert
        Assert.Equal("co-1", result.ChangeOrderId);
        Assert.False(string.IsNullOrEmpty(result.RequestId));
        Assert.Equal(ChangeOrderStatus.Aborted, after.Status);
        var abort = Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
        Assert.Equal("true", abort.Parameters["Rollback"]);
    }

    [Fact]
    public async Task AbortChangeOrder_NoRollbackFlag_SendsNoRollbackParameter()
    {
        // Act
        await _client.AbortChangeOrderAsync(Region, "co-1", rollback: null);

        // Assert
        var abort = Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
        Assert.False(abort.Parameters.ContainsKey("Rollback"));
    }

    [Fact]
    public async Task DescribePipeline_RunningBatch_ReturnsStages()
    {
        // Arrange
        var order = await _client.DescribeChangeOrderAsync(Region, "co-1");

        // Act
        var pipeline = await _client.DescribePipelineAsync(Region, order.Pipelines[0].PipelineId);

        // Assert
        Assert.Equal(order.Pipelines[0].PipelineId, pipeline.PipelineId);
        Assert.Equal(ChangeOrderStatus.Executing, pipeline.PipelineStatus);
        Assert.NotEmpty(Assert.Single(pipeline.StageList).TaskList);
        Assert.Equal(order.Pipelines[1].PipelineId, pipeline.NextPipelineId);
    }

    [Fact]
    public async Task DescribeApplicationGroups_App_ReturnsDefaultGroup()
    {
        // Act
        var groups = await _client.DescribeApplicationGroupsAsync(Region, "app-1");

        // Assert
        var group = Assert.Single(groups);
        Assert.Equal("_DEFAULT_GROUP", group.GroupName);
        Assert.Equal(4, group.Replicas);
        Assert.False(string.IsNullOrEmpty(group.GroupId));
    }

    [Fact]
    public async Task DescribeApplicationInstances_Paged_ReturnsEveryInstanceOnce()
    {
        // Arrange
        var group = (await _client.DescribeApplicationGroupsAsync(Region, "app-1")).Single();

        // Act
        var first = await _client.DescribeApplicationInstancesAsync(Region, new ApplicationInstancesQuery("app-1", group.GroupId, CurrentPage: 1, PageSize: 3));
        var second = await _client.DescribeApplicationInstancesAsync(Region, new ApplicationInstancesQuery("app-1", group.GroupId, CurrentPage: 2, PageSize: 3));

        // Assert
        Assert.Equal(4, first.TotalSize);
        Assert.Equal(3, first.Instances.Count);
        Assert.Single(second.Instances);
        Assert.Equal(4, first.Instances.Concat(second.Instances).Select(i => i.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task DescribeApplicationInstances_ByPipeline_ReturnsThatBatchWithItsHealth()
    {
        // Arrange
        var group = (await _client.DescribeApplicationGroupsAsync(Region, "app-1")).Single();
        var order = await _client.DescribeChangeOrderAsync(Region, "co-1");

        // Act
        var page = await _client.DescribeApplicationInstancesAsync(Region, new ApplicationInstancesQuery("app-1", group.GroupId, PipelineId: order.Pipelines[0].PipelineId));

        // Assert
        Assert.Equal(2, page.Instances.Count);
        Assert.All(page.Instances, i => Assert.Equal("2.0.0", i.PackageVersion));
        Assert.Equal(1, page.Instances.Count(i => i.InstanceHealthStatus == "ReadinessUnhealthy"));
        Assert.All(page.Instances, i => Assert.NotNull(i.CreateTimeStamp));
    }

    [Fact]
    public async Task ListApplications_ByNamespace_ReturnsOnlyThatNamespace()
    {
        // Act
        var page = await _client.ListApplicationsAsync(Region, new ListApplicationsQuery(NamespaceId: "cn-hangzhou:team"));

        // Assert
        var app = Assert.Single(page.Applications);
        Assert.Equal("app-1", app.AppId);
        Assert.Equal(4, app.Instances);
        Assert.Equal("cn-hangzhou", app.RegionId);
    }

    [Fact]
    public async Task ListApplications_NoFilter_ReturnsEveryApp()
    {
        // Act
        var page = await _client.ListApplicationsAsync(Region, new ListApplicationsQuery());

        // Assert
        Assert.Equal(2, page.TotalSize);
    }

    [Theory]
    [InlineData("a b*c!d'(e)~f:g/h+é")]
    [InlineData("中文 描述")]
    [InlineData("100%&=?#")]
    [InlineData("")]
    [InlineData("😀 emoji")]
    public async Task ListChangeOrders_KeyWithReservedOrUnicodeCharacters_IsAcceptedBySimulator(string key)
    {
        // Act
        var page = await _client.ListChangeOrdersAsync(Region, new ListChangeOrdersQuery("app-1", Key: key));

        // Assert
        Assert.NotNull(page);
        var call = Assert.Single(_sim.Simulator.Log.Read("ListChangeOrders"));
        Assert.Equal(200, call.Status);
        if (key.Length > 0)
        {
            Assert.Equal(key, call.Parameters["Key"]);
        }
    }
}

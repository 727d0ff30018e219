using ChangeGuard.Domain;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>ConfirmPipelineBatch against the simulator: a manual release's waiting batch is started once, and only it.</summary>
public sealed class SaeClientConfirmTests : IAsyncLifetime
{
    private const string Region = "cn-hangzhou";
    private SimulatorFixture _sim = null!;
    private ISaeClient _client = null!;

    public async Task InitializeAsync()
    {
        // Batch 1 (two instances, 1 scenario second at 10x) is done at once; batch 2 waits for a person (status 8).
        _sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithReplicas(4).WithChangeOrder("co-1", o => o with
            {
                BatchType = BatchMode.Manual,
                Batches = [ChangeOrders.Batch(2, 1), ChangeOrders.Batch(2, 600)],
            }))
            .Build());
        _client = _sim.CreateClient();
        await WaitForAsync(ChangeOrderStatus.WaitingForBatchConfirmation);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task WaitForAsync(ChangeOrderStatus status)
    {
        for (var i = 0; i < 100 && (await _client.DescribeChangeOrderAsync(Region, "co-1")).Status != status; i++)
        {
            await Task.Delay(50);
        }
    }

    private async Task<string> WaitingPipelineAsync() => (await _client.DescribeChangeOrderAsync(Region, "co-1")).CurrentPipelineId!;

    [Fact]
    public async Task ConfirmPipelineBatch_WaitingBatch_StartsIt()
    {
        // Arrange
        var waiting = await WaitingPipelineAsync();

        // Act
        var confirmed = await _client.ConfirmPipelineBatchAsync(Region, waiting, confirm: true);

        // Assert
        var order = await _client.DescribeChangeOrderAsync(Region, "co-1");
        Assert.Equal(waiting, confirmed.PipelineId);
        Assert.False(string.IsNullOrEmpty(confirmed.RequestId));
        Assert.Equal(ChangeOrderStatus.Executing, order.Status);
        var call = Assert.Single(_sim.Simulator.Log.Read("ConfirmPipelineBatch"));
        Assert.Equal(("GET", "true"), (call.Method, call.Parameters["Confirm"]));
    }

    [Fact]
    public async Task ConfirmPipelineBatch_SameBatchTwice_SecondIsRefused()
    {
        // Arrange: a person and ChangeGuard confirm the same batch
        var waiting = await WaitingPipelineAsync();
        await _client.ConfirmPipelineBatchAsync(Region, waiting, confirm: true);

        // Act
        var second = await Assert.ThrowsAsync<SaeException>(() => _client.ConfirmPipelineBatchAsync(Region, waiting, confirm: true));

        // Assert
        Assert.Equal(SaeErrorCodes.ParameterObviously, second.Code);
        Assert.Equal(ChangeOrderStatus.Executing, (await _client.DescribeChangeOrderAsync(Region, "co-1")).Status);
    }

    [Fact]
    public async Task ConfirmPipelineBatch_BatchThatIsNotWaiting_IsRefused()
    {
        // Arrange: the first batch, already done
        var first = (await _client.DescribeChangeOrderAsync(Region, "co-1")).Pipelines[0].PipelineId;

        // Act
        var refused = await Assert.ThrowsAsync<SaeException>(() => _client.ConfirmPipelineBatchAsync(Region, first, confirm: true));

        // Assert
        Assert.Equal(SaeErrorCodes.ParameterObviously, refused.Code);
        Assert.Equal(ChangeOrderStatus.WaitingForBatchConfirmation, (await _client.DescribeChangeOrderAsync(Region, "co-1")).Status);
    }

    [Fact]
    public async Task ConfirmPipelineBatch_ConfirmFalse_EndsTheRelease()
    {
        // Act
        await _client.ConfirmPipelineBatchAsync(Region, await WaitingPipelineAsync(), confirm: false);

        // Assert
        Assert.Equal(ChangeOrderStatus.Aborted, (await _client.DescribeChangeOrderAsync(Region, "co-1")).Status);
    }
}

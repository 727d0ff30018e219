using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;
using ChangeGuard.Watching.Activities;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChangeGuard.Watching.Tests.Activities;

/// <summary>One confirm of a waiting batch against the simulator: read first, never confirmed twice.</summary>
public sealed class BatchPromoterTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private BatchPromoter Promoter() => new(_sim.CreateClient(), NullLogger<BatchPromoter>.Instance);

    private static PromoteBatchRequest Request(string pipelineId = "co-1-batch-2") => new("cn-hangzhou", "co-1", pipelineId, 2);

    /// <summary>A manual release of three batches whose first finished before now: it waits for batch 2.</summary>
    private void Load(FaultDefinition? faults = null) =>
        _sim.Load(new ScenarioBuilder().WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                BatchType = BatchMode.Manual,
                AgeSeconds = 10,
                Batches = [ChangeOrders.Batch(durationSeconds: 5), ChangeOrders.Batch(durationSeconds: 600), ChangeOrders.Batch(durationSeconds: 600)],
            })).Build());

    private IReadOnlyList<BatchConfirmation> Confirmations() => _sim.Simulator.World.Confirmations("co-1");

    [Fact]
    public async Task PromoteAsync_OrderWaitingForTheBatch_ConfirmsIt()
    {
        // Arrange
        Load();

        // Act
        var attempt = await Promoter().PromoteAsync(Request());

        // Assert
        Assert.Equal((PromotionAnswer.Confirmed, 2), (attempt.Answer, attempt.SaeCalls));
        Assert.NotNull(attempt.RequestId);
        Assert.Equal([(2, BatchConfirmation.Api)], Confirmations().Select(c => (c.Batch, c.By)));
    }

    [Fact]
    public async Task PromoteAsync_RunTwice_SecondFindsTheBatchStartedAndConfirmsNothing()
    {
        // Arrange
        Load();
        await Promoter().PromoteAsync(Request());

        // Act
        var again = await Promoter().PromoteAsync(Request());

        // Assert
        Assert.Equal((PromotionAnswer.NotWaiting, ChangeOrderStatus.Executing, 1), (again.Answer, again.OrderStatus, again.SaeCalls));
        Assert.Single(_sim.Simulator.Log.Read("ConfirmPipelineBatch"));
        Assert.Single(Confirmations());
    }

    [Fact]
    public async Task PromoteAsync_StalePipeline_ConfirmsNothing()
    {
        // Arrange
        Load();

        // Act
        var attempt = await Promoter().PromoteAsync(Request("co-1-batch-3"));

        // Assert
        Assert.Equal((PromotionAnswer.NotWaiting, "co-1-batch-2"), (attempt.Answer, attempt.WaitingPipelineId));
        Assert.Empty(_sim.Simulator.Log.Read("ConfirmPipelineBatch"));
    }

    [Fact]
    public async Task PromoteAsync_PersonConfirmsFirst_ReportsNotWaitingAndTheirConfirmAloneTakesEffect()
    {
        // Arrange
        Load(new FaultDefinition { PersonConfirmsFirst = true });

        // Act
        var attempt = await Promoter().PromoteAsync(Request());

        // Assert
        Assert.Equal((PromotionAnswer.NotWaiting, 3), (attempt.Answer, attempt.SaeCalls));
        Assert.Equal("InvalidParameter.Obviously", attempt.Failure?.Code);
        Assert.Equal([(2, BatchConfirmation.Person)], Confirmations().Select(c => (c.Batch, c.By)));
    }

    [Fact]
    public async Task PromoteAsync_ConfirmDenied_IsRefusedAndTheBatchStillWaits()
    {
        // Arrange
        Load(new FaultDefinition { DeniedActions = ["ConfirmPipelineBatch"] });

        // Act
        var attempt = await Promoter().PromoteAsync(Request());

        // Assert
        Assert.Equal((PromotionAnswer.Refused, ChangeOrderStatus.WaitingForBatchConfirmation), (attempt.Answer, attempt.OrderStatus));
        Assert.Empty(Confirmations());
    }

    [Fact]
    public async Task PromoteAsync_ConfirmFailsWithAServerError_IsTriedAgainLater()
    {
        // Arrange
        Load(new FaultDefinition { ServerErrorRatio = 1, Actions = ["ConfirmPipelineBatch"] });

        // Act
        var attempt = await Promoter().PromoteAsync(Request());

        // Assert
        Assert.Equal(PromotionAnswer.Retry, attempt.Answer);
        Assert.Empty(Confirmations());
    }

    [Fact]
    public async Task PromoteAsync_OrderUnreadable_IsTriedAgainLaterWithoutConfirming()
    {
        // Arrange
        Load(new FaultDefinition { ServerErrorRatio = 1, Actions = ["DescribeChangeOrder"] });

        // Act
        var attempt = await Promoter().PromoteAsync(Request());

        // Assert
        Assert.Equal(PromotionAnswer.Retry, attempt.Answer);
        Assert.Empty(_sim.Simulator.Log.Read("ConfirmPipelineBatch"));
    }
}

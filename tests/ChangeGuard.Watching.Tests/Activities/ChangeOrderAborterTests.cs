using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;
using ChangeGuard.Watching.Activities;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChangeGuard.Watching.Tests.Activities;

public sealed class ChangeOrderAborterTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorFixture.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private ChangeOrderAborter Aborter() => new(_sim.CreateClient(), NullLogger<ChangeOrderAborter>.Instance);

    private static readonly AbortChangeOrderRequest Request = new("cn-hangzhou", "co-1", Rollback: true, Attempt: 1);

    private void Load(FaultDefinition? faults = null) =>
        _sim.Load(new ScenarioBuilder().WithFaults(faults ?? new FaultDefinition())
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 600)] })).Build());

    [Fact]
    public async Task AbortAsync_RunningOrder_IsAccepted()
    {
        // Arrange
        Load();

        // Act
        var attempt = await Aborter().AbortAsync(Request);

        // Assert
        Assert.Equal(AbortAnswer.Accepted, attempt.Answer);
        Assert.NotNull(attempt.RequestId);
    }

    [Fact]
    public async Task AbortAsync_RunTwice_SecondReportsTheOrderAborted()
    {
        // Arrange
        Load();
        await Aborter().AbortAsync(Request);

        // Act
        var again = await Aborter().AbortAsync(Request);

        // Assert
        Assert.Equal(AbortAnswer.NotRunning, again.Answer);
        Assert.Equal(ChangeOrderStatus.Aborted, again.OrderStatus);
        Assert.Equal(2, again.SaeCalls);
    }

    [Fact]
    public async Task AbortAsync_OtherChangeInProgress_IsBusy()
    {
        // Arrange
        Load(new FaultDefinition { AbortBusyCount = 1 });

        // Act
        var attempt = await Aborter().AbortAsync(Request);

        // Assert
        Assert.Equal(AbortAnswer.Busy, attempt.Answer);
        Assert.Equal(SaeErrorCodes.ChangeOrderRunning, attempt.Failure!.Code);
    }

    [Fact]
    public async Task AbortAsync_Denied_IsRefused()
    {
        // Arrange
        Load(new FaultDefinition { DeniedActions = ["AbortChangeOrder"] });

        // Act
        var attempt = await Aborter().AbortAsync(Request);

        // Assert
        Assert.Equal(AbortAnswer.Refused, attempt.Answer);
        Assert.Equal(SaeErrorCodes.ResourceNoPermission, attempt.Failure!.Code);
    }

    [Fact]
    public async Task AbortAsync_Throttled_IsThrottledWithoutClientRetries()
    {
        // Arrange
        Load(new FaultDefinition { ThrottleRatio = 1, Actions = ["AbortChangeOrder"] });

        // Act
        var attempt = await Aborter().AbortAsync(Request);

        // Assert
        Assert.Equal(AbortAnswer.Throttled, attempt.Answer);
        Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
    }

    /// <summary>Answers that do not say whether the abort took: the aborter reads the order right after, once.</summary>
    [Theory]
    [InlineData(AbortAnswerMode.Malformed, true, ChangeOrderStatus.Aborted)]
    [InlineData(AbortAnswerMode.Malformed, false, ChangeOrderStatus.Executing)]
    [InlineData(AbortAnswerMode.Lost, true, ChangeOrderStatus.Aborted)]
    [InlineData(AbortAnswerMode.Lost, false, ChangeOrderStatus.Executing)]
    [InlineData(AbortAnswerMode.NonceUsed, true, ChangeOrderStatus.Aborted)]
    [InlineData(AbortAnswerMode.ErrorCode, false, ChangeOrderStatus.Executing)]
    [InlineData(AbortAnswerMode.ErrorCode, true, ChangeOrderStatus.Aborted)]
    public async Task AbortAsync_UnclearAnswer_ReadsTheOrder(AbortAnswerMode mode, bool applied, ChangeOrderStatus status)
    {
        // Arrange
        Load(new FaultDefinition { AbortAnswer = new AbortAnswerFault { Mode = mode, Applied = applied } });

        // Act
        var attempt = await Aborter().AbortAsync(Request);

        // Assert
        Assert.Equal((AbortAnswer.Unclear, status, 2), (attempt.Answer, attempt.OrderStatus, attempt.SaeCalls));
        Assert.Single(_sim.Simulator.Log.Read("AbortChangeOrder"));
    }
}

using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain;
using ChangeGuard.Functions.Orchestration;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Models.ChangeOrders;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Options;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Budget;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChangeGuard.Functions.Tests.Orchestration;

public sealed class WatchActivityFunctionsTests : IDisposable
{
    private readonly Mock<ISaeClient> _sae = new();
    private NotificationServices _notifications = NotificationServices.Create(new NotificationSettings().Build());

    public void Dispose() => _notifications.Dispose();

    private WatchActivityFunctions Functions() => new(
        new ReadHealthActivity(
            new HealthReader(_sae.Object, TimeProvider.System),
            new PollPlanner(new StaticOptionsMonitor<SaeClientOptions>(new SaeClientOptions()), TimeProvider.System)),
        _notifications.Services.GetRequiredService<ReadSignalsActivity>(),
        new AbortChangeOrderActivity(new ChangeOrderAborter(_sae.Object, NullLogger<ChangeOrderAborter>.Instance)),
        new ConfirmAbortActivity(_sae.Object),
        _notifications.Activity);

    private static FunctionContext Invocation(string functionName, string? instanceId = "watch-co-1")
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var data = new Dictionary<string, object?>();
        if (instanceId is not null)
        {
            data["instanceId"] = instanceId;
        }

        var binding = new Mock<BindingContext>();
        binding.SetupGet(b => b.BindingData).Returns(data);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        return context.Object;
    }

    private void Order(ChangeOrderStatus status) =>
        _sae.Setup(s => s.DescribeChangeOrderAsync("cn-hangzhou", "co-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeOrder { ChangeOrderId = "co-1", Status = status, BatchCount = 1 });

    [Fact]
    public async Task ReadHealthAsync_FinishedOrder_ReturnsCoreSnapshotFromOneCall()
    {
        // Arrange
        Order(ChangeOrderStatus.Succeeded);

        // Act
        var read = await Functions().ReadHealthAsync(new ReadHealthRequest("cn-hangzhou", "app-1", "co-1", null), Invocation(nameof(ReadHealthActivity)));

        // Assert
        Assert.Null(read.Error);
        Assert.Equal(ChangeOrderStatus.Succeeded, read.Snapshot!.Order.Status);
        Assert.Equal(1, read.SaeCalls);
    }

    [Fact]
    public async Task AbortChangeOrderAsync_Accepted_ReturnsAcceptedWithRequestId()
    {
        // Arrange
        _sae.Setup(s => s.AbortChangeOrderAsync("cn-hangzhou", "co-1", true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AbortChangeOrderResult { ChangeOrderId = "co-1", RequestId = "req-9" });

        // Act
        var attempt = await Functions().AbortChangeOrderAsync(new AbortRequest("cn-hangzhou", "co-1", Rollback: true, Attempt: 1), Invocation(nameof(AbortChangeOrderActivity)));

        // Assert
        Assert.Equal(AbortAnswer.Accepted, attempt.Answer);
        Assert.Equal("req-9", attempt.RequestId);
    }

    [Fact]
    public async Task ConfirmAbortAsync_AbortedOrder_ReturnsItsStatus()
    {
        // Arrange
        Order(ChangeOrderStatus.Aborted);

        // Act
        var read = await Functions().ConfirmAbortAsync(new OrderStatusRequest("cn-hangzhou", "co-1"), Invocation(nameof(ConfirmAbortActivity)));

        // Assert
        Assert.Equal(ChangeOrderStatus.Aborted, read.Status);
        Assert.Null(read.Failure);
    }

    [Fact]
    public async Task NotifyAsync_ConfiguredChannel_PostsTheEventAndReturnsSent()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(new ReceiverAnswer(204));
        _notifications.Dispose();
        _notifications = NotificationServices.Create(new NotificationSettings().Channel("ops", "webhook", receiver.Url()).Build());
        var watchEvent = new WatchEventBuilder().Build();

        // Act
        var outcome = await Functions().NotifyAsync(new NotifyRequest(watchEvent, "ops"), Invocation(nameof(NotifyActivity)));

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 1, "http 204"), outcome);
        Assert.Equal(watchEvent.EventId, Assert.Single(receiver.Requests).Header("webhook-id"));
    }

    [Fact]
    public async Task NotifyAsync_UnknownChannel_ReturnsFailedAsData()
    {
        // Act
        var outcome = await Functions().NotifyAsync(new NotifyRequest(new WatchEventBuilder().Build(), "nowhere"), Invocation(nameof(NotifyActivity)));

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 0, "unknown channel"), outcome);
    }

    [Fact]
    public void FunctionActivityContext_From_CarriesFunctionNameAndInstanceId()
    {
        // Act
        var context = FunctionActivityContext.From(Invocation(nameof(ReadHealthActivity), "watch-co-7"));

        // Assert
        Assert.Equal(nameof(ReadHealthActivity), context.Name.Name);
        Assert.Equal("watch-co-7", context.InstanceId);
    }

    [Fact]
    public void FunctionActivityContext_From_NoInstanceIdInBindingData_UsesEmpty()
    {
        // Act
        var context = FunctionActivityContext.From(Invocation(nameof(ConfirmAbortActivity), instanceId: null));

        // Assert
        Assert.Equal(string.Empty, context.InstanceId);
    }
}

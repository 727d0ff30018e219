using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Functions.Orchestration;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Models;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Options;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Planning;
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
        new PromoteBatchActivity(new BatchPromoter(_sae.Object, NullLogger<BatchPromoter>.Instance)),
        _notifications.Activity);


    private void Order(ChangeOrderStatus status) =>
        _sae.Setup(s => s.DescribeChangeOrderAsync("cn-hangzhou", "co-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeOrder { ChangeOrderId = "co-1", Status = status, BatchCount = 1 });

    [Fact]
    public async Task ReadHealthAsync_FinishedOrder_ReturnsCoreSnapshotFromOneCall()
    {
        // Arrange
        Order(ChangeOrderStatus.Succeeded);

        // Act
        var read = (await Functions().ReadHealthAsync(new ReadHealthRequest("cn-hangzhou", "app-1", "co-1", null))).Measurement;

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
            .ReturnsAsync(new AbortedChangeOrder { ChangeOrderId = "co-1", RequestId = "req-9" });

        // Act
        var attempt = (await Functions().AbortChangeOrderAsync(new AbortChangeOrderRequest("cn-hangzhou", "co-1", Rollback: true, Attempt: 1))).Attempt;

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
        var read = await Functions().ConfirmAbortAsync(new ConfirmAbortRequest("cn-hangzhou", "co-1"));

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
        var outcome = await Functions().NotifyAsync(new NotifyRequest(watchEvent, "ops"));

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 1, "http 204"), outcome);
        Assert.Equal(watchEvent.EventId, Assert.Single(receiver.Requests).Header("webhook-id"));
    }

    [Fact]
    public async Task NotifyAsync_UnknownChannel_ReturnsFailedAsData()
    {
        // Act
        var outcome = await Functions().NotifyAsync(new NotifyRequest(new WatchEventBuilder().Build(), "nowhere"));

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 0, "unknown channel"), outcome);
    }
}

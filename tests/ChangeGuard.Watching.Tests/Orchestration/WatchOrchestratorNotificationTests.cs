using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Notifications;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Watching.Activities;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Watching.Tests.Orchestration;

/// <summary>What the orchestration tells the channels, when, and that a channel never holds up or prevents an abort.</summary>
public sealed class WatchOrchestratorNotificationTests
{
    private static readonly IReadOnlyList<WatchEventType> Everything = Enum.GetValues<WatchEventType>();

    private static ChannelSubscription Ops(IReadOnlyList<WatchEventType>? events = null, NotificationSeverity min = NotificationSeverity.Info) =>
        new("ops", events ?? NotificationChannelOptions.DefaultEvents, min);

    private static WatchInput Input(Func<WatchPolicy, WatchPolicy>? policy = null, WatchState? state = null, params ChannelSubscription[] channels) =>
        new(new WatchTarget("cn-hangzhou", "app-1", "co-1"),
            (policy ?? (p => p))(WatchPolicy.Default with { PollInterval = TimeSpan.FromSeconds(10) }),
            "ci",
            StartedAt: state is null ? null : new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            State: state,
            Notify: channels.Length == 0 ? null : channels);

    private static OrchestrationContextMock BadRollout() => new OrchestrationContextMock()
        .Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy())
        .Aborts(HealthReads.Accepted())
        .Confirms(HealthReads.Status(ChangeOrderStatus.Aborted));

    private static Task<WatchResult> RunAsync(OrchestrationContextMock context, WatchInput input) =>
        new WatchOrchestrator().RunAsync(context.Object, input);

    [Fact]
    public async Task RunAsync_BadRolloutWithChannel_NotifiesAbortedOnceAfterTheAbortWithReasonAndEvidence()
    {
        // Arrange
        var context = BadRollout();

        // Act
        var result = await RunAsync(context, Input(channels: Ops()));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        var request = Assert.Single(context.Notifications);
        Assert.Equal("ops", request.Channel);
        var e = request.Event;
        Assert.Equal(WatchEventType.Aborted, e.Type);
        Assert.Equal(NotificationSeverity.Error, e.Severity);
        Assert.Equal(result.Reason, e.Reason);
        Assert.Equal(result.Evidence, e.Evidence);
        Assert.Contains(e.Evidence, x => x.Signal == "unavailableRatio");
        Assert.Equal(WatchOutcome.Aborted, e.Outcome);
        Assert.Equal(VerdictKind.Breach, e.Verdict);
        Assert.Equal((1, 2), (e.Batch, e.BatchCount));
        Assert.Equal(("cn-hangzhou", "app-1", "co-1"), (e.RegionId, e.AppId, e.ChangeOrderId));
        Assert.StartsWith("watch-co-1:aborted:", e.EventId, StringComparison.Ordinal);
        Assert.InRange(e.Timeline.Count, 1, WatchEvent.TimelineKept);
        Assert.Contains("changeOrderId=co-1", e.ConsoleUrl, StringComparison.Ordinal);
        Assert.Equal(nameof(NotifyActivity) + ":Aborted:ops", context.Calls[^1]);
        Assert.True(context.Calls.IndexOf(nameof(AbortChangeOrderActivity)) < context.Calls.IndexOf(nameof(NotifyActivity) + ":Aborted:ops"));
    }

    [Fact]
    public async Task RunAsync_NoChannels_SchedulesNoNotification()
    {
        // Arrange
        var context = BadRollout();

        // Act
        await RunAsync(context, Input());

        // Assert
        Assert.Empty(context.Notifications);
    }

    [Fact]
    public async Task RunAsync_DefaultEvents_SendsNeitherStartNorBreachEvents()
    {
        // Arrange
        var context = BadRollout();

        // Act
        await RunAsync(context, Input(channels: Ops()));

        // Assert
        Assert.Equal([WatchEventType.Aborted], context.Notifications.Select(n => n.Event.Type));
    }

    [Fact]
    public async Task RunAsync_ChannelWantsEverything_SendsStartBreachAndAbortInOrderWithDistinctIds()
    {
        // Arrange
        var context = BadRollout();

        // Act
        await RunAsync(context, Input(channels: Ops(Everything)));

        // Assert
        Assert.Equal([WatchEventType.WatchStarted, WatchEventType.BreachCounted, WatchEventType.Aborted], context.Notifications.Select(n => n.Event.Type));
        Assert.Equal(3, context.Notifications.Select(n => n.Event.EventId).Distinct().Count());
        Assert.Equal(
            [
                "NotifyActivity:WatchStarted:ops", nameof(ReadHealthActivity), "NotifyActivity:BreachCounted:ops", nameof(ReadHealthActivity),
                nameof(AbortChangeOrderActivity), nameof(ConfirmAbortActivity), "NotifyActivity:Aborted:ops",
            ],
            context.Calls);
        Assert.Contains("breach 1 of 2", context.Notifications[1].Event.Reason, StringComparison.Ordinal);
        Assert.Equal(NotificationSeverity.Warning, context.Notifications[1].Event.Severity);
    }

    [Fact]
    public async Task RunAsync_TwoChannels_SendsTheSameEventToEach()
    {
        // Arrange
        var context = BadRollout();

        // Act
        await RunAsync(context, Input(channels: [Ops(), new ChannelSubscription("chat", NotificationChannelOptions.DefaultEvents)]));

        // Assert
        Assert.Equal(["ops", "chat"], context.Notifications.Select(n => n.Channel));
        Assert.Single(context.Notifications.Select(n => n.Event).Distinct());
    }

    [Fact]
    public async Task RunAsync_ChannelFails_StillAbortsAndRecordsTheFailureInTheTimeline()
    {
        // Arrange
        var context = BadRollout();
        context.NotifyAnswer = _ => Task.FromResult(new NotifyResult(NotifyStatus.Failed, 4, "http 500"));

        // Act
        var result = await RunAsync(context, Input(channels: Ops()));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.True(result.AbortConfirmed);
        var last = result.Timeline[^1];
        Assert.Equal("notify ops failed: http 500", last.ActionText);
        Assert.Contains("aborted event watch-co-1:aborted:", last.Reason, StringComparison.Ordinal);
        Assert.Contains("4 attempt(s)", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BreachNotificationNeverAnswers_AbortsAnywayAndRecordsNoAnswer()
    {
        // Arrange
        var context = BadRollout();
        var never = new TaskCompletionSource<NotifyResult>();
        context.NotifyAnswer = request => request.Event.Type == WatchEventType.BreachCounted
            ? never.Task
            : Task.FromResult(new NotifyResult(NotifyStatus.Sent, 1, "http 200"));

        // Act
        var result = await RunAsync(context, Input(channels: Ops([WatchEventType.BreachCounted, WatchEventType.Aborted])));

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        context.VerifyActivity(nameof(AbortChangeOrderActivity), Moq.Times.Once());
        Assert.Contains(result.Timeline, d => d.ActionText == "notify ops failed: no answer within 6m");
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.StartsWith("notify ops failed", StringComparison.Ordinal) && d.Reason.StartsWith("aborted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BreachNotificationFailsBeforeNextPoll_RecordsItBeforeTheAbort()
    {
        // Arrange
        var context = BadRollout();
        context.NotifyAnswer = request => Task.FromResult(request.Event.Type == WatchEventType.BreachCounted
            ? new NotifyResult(NotifyStatus.Failed, 1, "http 400")
            : new NotifyResult(NotifyStatus.Sent, 1, "http 200"));

        // Act
        var result = await RunAsync(context, Input(channels: Ops([WatchEventType.BreachCounted, WatchEventType.Aborted])));

        // Assert
        var actions = result.Timeline.Select(d => d.ActionText).ToList();
        Assert.True(actions.IndexOf("notify ops failed: http 400") < actions.IndexOf("abort (breach 2 of 2)"));
        Assert.Contains(context.Notifications[^1].Event.Timeline, d => d.ActionText == "notify ops failed: http 400");
    }

    [Fact]
    public async Task RunAsync_DryRun_NotifiesDryRunWouldAbortAsWarning()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy());

        // Act
        await RunAsync(context, Input(p => p with { DryRun = true }, channels: Ops()));

        // Assert
        var e = Assert.Single(context.Notifications).Event;
        Assert.Equal(WatchEventType.DryRunWouldAbort, e.Type);
        Assert.Equal(NotificationSeverity.Warning, e.Severity);
        Assert.NotEmpty(e.Evidence);
    }

    [Fact]
    public async Task RunAsync_AbortDenied_NotifiesAbortFailed()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Unhealthy(), HealthReads.Unhealthy()).Aborts(HealthReads.Denied());

        // Act
        await RunAsync(context, Input(channels: Ops()));

        // Assert
        var e = Assert.Single(context.Notifications).Event;
        Assert.Equal(WatchEventType.AbortFailed, e.Type);
        Assert.Equal(WatchOutcome.AbortFailed, e.Outcome);
    }

    [Fact]
    public async Task RunAsync_Succeeded_NotifiesEndedAsInfo()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Succeeded());

        // Act
        await RunAsync(context, Input(channels: Ops()));

        // Assert
        var e = Assert.Single(context.Notifications).Event;
        Assert.Equal((WatchEventType.Ended, NotificationSeverity.Info, WatchOutcome.Succeeded), (e.Type, e.Severity, e.Outcome));
    }

    [Fact]
    public async Task RunAsync_SucceededWithWarningMinimum_SendsNothing()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy(), HealthReads.Succeeded());

        // Act
        await RunAsync(context, Input(channels: Ops(min: NotificationSeverity.Warning)));

        // Assert
        Assert.Empty(context.Notifications);
    }

    [Fact]
    public async Task RunAsync_Stopped_NotifiesEndedAsWarningWithWhoStopped()
    {
        // Arrange
        var context = new OrchestrationContextMock().Reads(HealthReads.Healthy());
        context.Stop.SetResult(new ManualCommand("maintenance", "alice"));

        // Act
        await RunAsync(context, Input(channels: Ops()));

        // Assert
        var e = Assert.Single(context.Notifications).Event;
        Assert.Equal((WatchEventType.Ended, NotificationSeverity.Warning, WatchOutcome.Stopped, "alice"), (e.Type, e.Severity, e.Outcome, e.RequestedBy));
    }

    [Fact]
    public async Task RunAsync_SameInputTwice_RaisesTheSameEventIds()
    {
        // Arrange
        var first = BadRollout();
        var second = BadRollout();

        // Act
        await RunAsync(first, Input(channels: Ops(Everything)));
        await RunAsync(second, Input(channels: Ops(Everything)));

        // Assert
        Assert.Equal(first.Notifications.Select(n => n.Event.EventId), second.Notifications.Select(n => n.Event.EventId));
    }

    [Fact]
    public async Task RunAsync_LaterGeneration_ContinuesTheEventSequence()
    {
        // Arrange
        var context = BadRollout();
        var state = WatchState.Initial with { Polls = 50, Generation = 1, Notifications = 3 };

        // Act
        await RunAsync(context, Input(state: state, channels: Ops()));

        // Assert
        var startedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal($"watch-co-1:aborted:{startedAt}-4", Assert.Single(context.Notifications).Event.EventId);
    }
}

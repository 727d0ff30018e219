using ChangeGuard.Domain.Assessment;

namespace ChangeGuard.Notifications.Tests;

public sealed class WatchEventTests
{
    [Theory]
    [InlineData(WatchEventType.Aborted, "watch-co-1:aborted:1793520000-3")]
    [InlineData(WatchEventType.DryRunWouldAbort, "watch-co-1:dryRunWouldAbort:1793520000-3")]
    [InlineData(WatchEventType.GuardAdopted, "watch-co-1:guardAdopted:1793520000-3")]
    public void IdFor_Type_IsInstanceTypeAndSequence(WatchEventType type, string expected)
    {
        // Act
        var id = WatchEvent.IdFor("watch-co-1", type, "1793520000-3");

        // Assert
        Assert.Equal(expected, id);
    }

    [Fact]
    public void ConsoleUrlFor_Order_IsTheConsolesChangeOrderPage()
    {
        // Act
        var url = WatchEvent.ConsoleUrlFor("cn-shanghai", "5f1c-co");

        // Assert
        Assert.Equal("https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId=5f1c-co&regionId=cn-shanghai", url);
    }

    [Theory]
    [InlineData(WatchEventType.Aborted, null, NotificationSeverity.Error)]
    [InlineData(WatchEventType.AbortFailed, null, NotificationSeverity.Error)]
    [InlineData(WatchEventType.GuardAborted, null, NotificationSeverity.Error)]
    [InlineData(WatchEventType.BreachCounted, null, NotificationSeverity.Warning)]
    [InlineData(WatchEventType.DryRunWouldAbort, null, NotificationSeverity.Warning)]
    [InlineData(WatchEventType.Ended, WatchOutcome.AlreadyEnded, NotificationSeverity.Warning)]
    [InlineData(WatchEventType.Ended, WatchOutcome.Stopped, NotificationSeverity.Warning)]
    [InlineData(WatchEventType.Ended, WatchOutcome.Succeeded, NotificationSeverity.Info)]
    [InlineData(WatchEventType.WatchStarted, null, NotificationSeverity.Info)]
    [InlineData(WatchEventType.GuardAdopted, null, NotificationSeverity.Info)]
    public void EventSeverity_Of_GradesEachEvent(WatchEventType type, WatchOutcome? outcome, NotificationSeverity expected)
    {
        // Act
        var severity = EventSeverity.Of(type, outcome);

        // Assert
        Assert.Equal(expected, severity);
    }

    [Theory]
    [InlineData(WatchOutcome.Aborted, WatchEventType.Aborted)]
    [InlineData(WatchOutcome.AbortFailed, WatchEventType.AbortFailed)]
    [InlineData(WatchOutcome.DryRunWouldAbort, WatchEventType.DryRunWouldAbort)]
    [InlineData(WatchOutcome.Succeeded, WatchEventType.Ended)]
    [InlineData(WatchOutcome.AlreadyEnded, WatchEventType.Ended)]
    [InlineData(WatchOutcome.Stopped, WatchEventType.Ended)]
    public void EventSeverity_ForOutcome_MapsEachEnding(WatchOutcome outcome, WatchEventType expected)
    {
        // Act
        var type = EventSeverity.ForOutcome(outcome);

        // Assert
        Assert.Equal(expected, type);
    }

    [Fact]
    public void ChannelSubscription_Wants_FiltersByTypeAndMinimumSeverity()
    {
        // Arrange
        var subscription = new ChannelSubscription("ops", [WatchEventType.Aborted, WatchEventType.Ended], NotificationSeverity.Warning);

        // Act + Assert
        Assert.True(subscription.Wants(WatchEventType.Aborted, NotificationSeverity.Error));
        Assert.True(subscription.Wants(WatchEventType.Ended, NotificationSeverity.Warning));
        Assert.False(subscription.Wants(WatchEventType.Ended, NotificationSeverity.Info));
        Assert.False(subscription.Wants(WatchEventType.BreachCounted, NotificationSeverity.Warning));
    }
}

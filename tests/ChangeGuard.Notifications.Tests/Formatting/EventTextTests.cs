using ChangeGuard.Notifications.Formatting;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

public sealed class EventTextTests
{
    [Theory]
    [InlineData(WatchEventType.BatchPromoted, "ChangeGuard: promoted batch 2 of 3 of change order co-7f3a of checkout")]
    [InlineData(WatchEventType.DryRunWouldPromote, "ChangeGuard: dry run, would promote batch 2 of 3 of change order co-7f3a of checkout")]
    public void Title_Promotion_NamesTheBatchStarted(WatchEventType type, string expected)
    {
        // Arrange
        var watchEvent = new WatchEventBuilder().OfType(type).With(e => e with { Batch = 2, BatchCount = 3 }).Build();

        // Act
        var title = EventText.Title(watchEvent);

        // Assert
        Assert.StartsWith(expected, title, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_PromotionWithoutABatch_SaysTheNextBatch()
    {
        // Arrange
        var watchEvent = new WatchEventBuilder().OfType(WatchEventType.BatchPromoted).With(e => e with { Batch = null, BatchCount = null }).Build();

        // Act
        var title = EventText.Title(watchEvent);

        // Assert
        Assert.StartsWith("ChangeGuard: promoted the next batch of change order co-7f3a", title, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultEvents_IncludePromotions()
    {
        // Assert
        Assert.Contains(WatchEventType.BatchPromoted, NotificationChannelOptions.DefaultEvents);
        Assert.Contains(WatchEventType.DryRunWouldPromote, NotificationChannelOptions.DefaultEvents);
    }
}

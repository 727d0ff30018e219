using ChangeGuard.Domain.Assessment;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

public sealed class TeamsFormatterTests
{
    [Fact]
    public void Format_Event_IsAMessageWithOneAdaptiveCard14()
    {
        // Act
        var (message, body) = Channels.Format(ChannelType.Teams);

        // Assert
        Assert.Empty(message.Headers);
        Assert.Equal("message", (string?)body["type"]);
        var attachment = body["attachments"]!.AsArray().Single()!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.4"), ((string?)card["type"], (string?)card["version"]));
        var blocks = card["body"]!.AsArray();
        Assert.Equal("Attention", (string?)blocks[0]!["color"]);
        Assert.StartsWith("ChangeGuard: aborted change order co-7f3a", (string?)blocks[0]!["text"], StringComparison.Ordinal);
        var facts = blocks.Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray();
        Assert.Contains(facts, f => (string?)f!["title"] == "Change order" && (string?)f["value"] == "co-7f3a");
        Assert.Contains(blocks, b => ((string?)b!["text"])?.Contains("unavailableRatio: observed 0.50 (2 of 4), threshold 0.25", StringComparison.Ordinal) == true);
        Assert.Equal("event watch-co-7f3a:aborted:1793520000-2", (string?)blocks[^1]!["text"]);
        var action = card["actions"]!.AsArray().Single()!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId=co-7f3a&regionId=cn-hangzhou", (string?)action["url"]);
    }

    [Theory]
    [InlineData(WatchEventType.AbortFailed, null, "Attention")]
    [InlineData(WatchEventType.BreachCounted, null, "Warning")]
    [InlineData(WatchEventType.Ended, WatchOutcome.Succeeded, "Good")]
    [InlineData(WatchEventType.GuardAdopted, null, "Default")]
    public void Format_Severity_PicksTheTitleColour(WatchEventType type, WatchOutcome? outcome, string color)
    {
        // Act
        var (_, body) = Channels.Format(ChannelType.Teams, new WatchEventBuilder().OfType(type, outcome).Build());

        // Assert
        Assert.Equal(color, (string?)body["attachments"]![0]!["content"]!["body"]![0]!["color"]);
    }
}

using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

public sealed class SlackFormatterTests
{
    [Fact]
    public void Format_Event_HasFallbackTextAndBlocks()
    {
        // Act
        var (message, body) = Channels.Format(ChannelType.Slack);

        // Assert
        Assert.Empty(message.Headers);
        Assert.StartsWith("ChangeGuard: aborted change order co-7f3a", (string?)body["text"], StringComparison.Ordinal);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section", "section", "section", "actions", "context"], blocks.Select(b => (string)b!["type"]!));
        Assert.Equal(":rotating_light: ChangeGuard: aborted change order co-7f3a of checkout (7171a6ca-d1cd-4928-8642-7d5cfe69bc5a)", (string?)blocks[0]!["text"]!["text"]);
        Assert.Contains("*Reason:* 2 of 4 new instances unavailable", (string?)blocks[1]!["text"]!["text"], StringComparison.Ordinal);
        Assert.InRange(blocks[2]!["fields"]!.AsArray().Count, 1, 10);
        Assert.Contains("• unavailableRatio: observed 0.50 (2 of 4)", (string?)blocks[3]!["text"]!["text"], StringComparison.Ordinal);
        Assert.StartsWith("*Timeline*", (string?)blocks[4]!["text"]!["text"], StringComparison.Ordinal);
        Assert.Equal("https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId=co-7f3a&regionId=cn-hangzhou", (string?)blocks[5]!["elements"]![0]!["url"]);
        Assert.Equal("event watch-co-7f3a:aborted:1793520000-2", (string?)blocks[6]!["elements"]![0]!["text"]);
    }

    [Fact]
    public void Format_ReasonWithControlCharacters_EscapesThemForMrkdwn()
    {
        // Arrange
        var watchEvent = new WatchEventBuilder().With(e => e with { Reason = "latency <p99> & errors" }).Build();

        // Act
        var (_, body) = Channels.Format(ChannelType.Slack, watchEvent);

        // Assert
        Assert.Equal("*Reason:* latency &lt;p99&gt; &amp; errors", (string?)body["blocks"]![1]!["text"]!["text"]);
    }

    [Fact]
    public void Format_HugeEvent_KeepsEveryBlockWithinBlockKitLimits()
    {
        // Act
        var (_, body) = Channels.Format(ChannelType.Slack, new WatchEventBuilder().Huge().Build());

        // Assert
        foreach (var block in body["blocks"]!.AsArray())
        {
            if (block!["text"]?["text"] is { } text)
            {
                Assert.InRange(((string)text!).Length, 1, (string)block["type"]! == "header" ? 150 : 3000);
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

public sealed class FeishuFormatterTests
{
    [Fact]
    public void Format_SignedChannel_BodyCarriesAStringTimestampAndAVerifiableSign()
    {
        // Act
        var (message, body) = Channels.Format(ChannelType.Feishu);

        // Assert: sign = base64(HMAC-SHA256(key = "{s}\n{secret}", message = empty)), computed here independently.
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKindOf(body["timestamp"]));
        var timestamp = (string)body["timestamp"]!;
        Assert.Equal(Channels.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{NotificationSettings.FeishuSecret}"), Array.Empty<byte>()));
        Assert.Equal(expected, (string?)body["sign"]);
        Assert.DoesNotContain(NotificationSettings.FeishuSecret, Encoding.UTF8.GetString(message.Body), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Event_IsAnInteractiveCardColouredBySeverityWithButtonAndEventId()
    {
        // Act
        var (_, body) = Channels.Format(ChannelType.Feishu);

        // Assert
        Assert.Equal("interactive", (string?)body["msg_type"]);
        var card = body["card"]!;
        Assert.Equal("red", (string?)card["header"]!["template"]);
        Assert.StartsWith("ChangeGuard: aborted change order co-7f3a", (string?)card["header"]!["title"]!["content"], StringComparison.Ordinal);
        var elements = card["elements"]!.AsArray();
        Assert.Equal(["div", "div", "div", "div", "action", "note"], elements.Select(e => (string)e!["tag"]!));
        Assert.Contains(elements[1]!["fields"]!.AsArray(), f => (string?)f!["text"]!["content"] == "**Change order**\nco-7f3a");
        Assert.Contains("unavailableRatio: observed 0.50 (2 of 4), threshold 0.25", (string?)elements[2]!["text"]!["content"], StringComparison.Ordinal);
        Assert.Equal("https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId=co-7f3a&regionId=cn-hangzhou", (string?)elements[4]!["actions"]![0]!["url"]);
        Assert.Equal("event watch-co-7f3a:aborted:1793520000-2", (string?)elements[5]!["elements"]![0]!["content"]);
    }

    [Theory]
    [InlineData(WatchEventType.Aborted, null, "red")]
    [InlineData(WatchEventType.DryRunWouldAbort, null, "orange")]
    [InlineData(WatchEventType.Ended, WatchOutcome.Succeeded, "green")]
    [InlineData(WatchEventType.WatchStarted, null, "blue")]
    public void Format_Severity_PicksTheHeaderColour(WatchEventType type, WatchOutcome? outcome, string template)
    {
        // Act
        var (_, body) = Channels.Format(ChannelType.Feishu, new WatchEventBuilder().OfType(type, outcome).Build());

        // Assert
        Assert.Equal(template, (string?)body["card"]!["header"]!["template"]);
    }

    [Fact]
    public void Format_NoSecret_OmitsTimestampAndSign()
    {
        // Act
        var (_, body) = Channels.Format(ChannelType.Feishu, channel: Channels.Feishu(secret: null));

        // Assert
        Assert.Null(body["timestamp"]);
        Assert.Null(body["sign"]);
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(JsonNode? node) => node!.GetValueKind();
}

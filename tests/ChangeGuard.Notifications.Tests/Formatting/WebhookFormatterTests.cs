using System.Security.Cryptography;
using System.Text;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

public sealed class WebhookFormatterTests
{
    [Fact]
    public void Format_Event_BodyIsTheStandardEnvelopeWithTheWholeEvent()
    {
        // Act
        var (message, body) = Channels.Format(ChannelType.Webhook);

        // Assert
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("aborted", (string?)body["type"]);
        Assert.Equal("2026-11-01T08:01:15+00:00", (string?)body["timestamp"]);
        var data = body["data"]!;
        Assert.Equal("watch-co-7f3a:aborted:1793520000-2", (string?)data["eventId"]);
        Assert.Equal("error", (string?)data["severity"]);
        Assert.Equal("checkout", (string?)data["appName"]);
        Assert.Equal(1, (int?)data["batch"]);
        Assert.Equal("breach", (string?)data["verdict"]);
        Assert.Equal("aborted", (string?)data["outcome"]);
        Assert.StartsWith("2 of 4 new instances unavailable", (string?)data["reason"], StringComparison.Ordinal);
        Assert.Equal("unavailableRatio", (string?)data["evidence"]![0]!["signal"]);
        Assert.Equal("0.50 (2 of 4)", (string?)data["evidence"]![0]!["observed"]);
        Assert.Equal("0.25", (string?)data["evidence"]![0]!["threshold"]);
        Assert.Equal(4, data["timeline"]!.AsArray().Count);
        Assert.Equal("https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId=co-7f3a&regionId=cn-hangzhou", (string?)data["consoleUrl"]);
    }

    [Fact]
    public void Format_SignedChannel_SignatureVerifiesWithTheDecodedSecret()
    {
        // Act
        var (message, _) = Channels.Format(ChannelType.Webhook);

        // Assert: Standard Webhooks, computed here independently of the formatter.
        var id = message.Headers["webhook-id"];
        var timestamp = message.Headers["webhook-timestamp"];
        Assert.Equal("watch-co-7f3a:aborted:1793520000-2", id);
        Assert.Equal(Channels.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var key = Convert.FromBase64String(NotificationSettings.WebhookSecret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(message.Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
        Assert.Equal(expected, message.Headers["webhook-signature"]);
    }

    [Fact]
    public void Format_NoSecret_SendsIdAndTimestampButNoSignature()
    {
        // Act
        var (message, _) = Channels.Format(ChannelType.Webhook, channel: Channels.Webhook(secret: null));

        // Assert
        Assert.True(message.Headers.ContainsKey("webhook-id"));
        Assert.True(message.Headers.ContainsKey("webhook-timestamp"));
        Assert.False(message.Headers.ContainsKey("webhook-signature"));
    }

    [Fact]
    public void Format_ChineseReason_StaysReadableUtf8()
    {
        // Arrange
        var watchEvent = new WatchEventBuilder().With(e => e with { Reason = "新实例不可用" }).Build();

        // Act
        var (message, _) = Channels.Format(ChannelType.Webhook, watchEvent);

        // Assert
        Assert.Contains("新实例不可用", Encoding.UTF8.GetString(message.Body), StringComparison.Ordinal);
    }
}

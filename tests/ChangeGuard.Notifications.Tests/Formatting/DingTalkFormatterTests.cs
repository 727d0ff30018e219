using System.Security.Cryptography;
using System.Text;
using System.Web;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

public sealed class DingTalkFormatterTests
{
    [Fact]
    public void Format_Event_IsMarkdownWithReasonFactsEvidenceTimelineLinkAndEventId()
    {
        // Act
        var (_, body) = Channels.Format(ChannelType.DingTalk);

        // Assert
        Assert.Equal("markdown", (string?)body["msgtype"]);
        Assert.Equal("ChangeGuard: aborted change order co-7f3a of checkout (7171a6ca-d1cd-4928-8642-7d5cfe69bc5a)", (string?)body["markdown"]!["title"]);
        var text = (string)body["markdown"]!["text"]!;
        Assert.StartsWith("### ChangeGuard: aborted change order co-7f3a", text, StringComparison.Ordinal);
        Assert.Contains("**Reason:** 2 of 4 new instances unavailable", text, StringComparison.Ordinal);
        Assert.Contains("- **Batch:** 1 of 2", text, StringComparison.Ordinal);
        Assert.Contains("- unavailableRatio: observed 0.50 (2 of 4), threshold 0.25 (instances: checkout-2-0-0-8c5f-1, checkout-2-0-0-8c5f-2)", text, StringComparison.Ordinal);
        Assert.Contains("poll 3 breach:", text, StringComparison.Ordinal);
        Assert.Contains("[Open in SAE console](https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId=co-7f3a&regionId=cn-hangzhou)", text, StringComparison.Ordinal);
        Assert.EndsWith("event watch-co-7f3a:aborted:1793520000-2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SignedChannel_UrlKeepsTheTokenAndAddsAVerifiableSign()
    {
        // Act
        var (message, _) = Channels.Format(ChannelType.DingTalk);

        // Assert: sign = urlencode(base64(HMAC-SHA256(key = secret, "{ms}\n{secret}"))), computed here independently.
        var query = HttpUtility.ParseQueryString(message.Url.Query);
        Assert.Equal("0123456789abcdef", query["access_token"]);
        var timestamp = query["timestamp"]!;
        Assert.Equal(Channels.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), timestamp);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(NotificationSettings.DingTalkSecret),
            Encoding.UTF8.GetBytes($"{timestamp}\n{NotificationSettings.DingTalkSecret}")));
        Assert.Equal(expected, query["sign"]);
        Assert.Contains("sign=" + Uri.EscapeDataString(expected), message.Url.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationSettings.DingTalkSecret, message.Url.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NoSecret_PostsToTheUrlAsConfigured()
    {
        // Act
        var (message, _) = Channels.Format(ChannelType.DingTalk, channel: Channels.DingTalk(secret: null));

        // Assert
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", message.Url.OriginalString);
    }
}

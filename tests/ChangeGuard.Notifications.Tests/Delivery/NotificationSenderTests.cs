using System.Net;
using ChangeGuard.Notifications.Delivery;

namespace ChangeGuard.Notifications.Tests.Delivery;

public sealed class NotificationSenderTests
{
    [Theory]
    [InlineData(ChannelType.Webhook, 204, "", SendVerdict.Sent, "http 204")]
    [InlineData(ChannelType.Teams, 202, "", SendVerdict.Sent, "http 202")]
    [InlineData(ChannelType.DingTalk, 200, """{"errcode":0,"errmsg":"ok"}""", SendVerdict.Sent, "http 200")]
    [InlineData(ChannelType.DingTalk, 200, """{"errcode":310000,"errmsg":"sign not match"}""", SendVerdict.Failed, "dingtalk errcode 310000")]
    [InlineData(ChannelType.DingTalk, 200, "<html>", SendVerdict.Failed, "dingtalk unexpected answer")]
    [InlineData(ChannelType.Feishu, 200, """{"code":0,"msg":"success","data":{}}""", SendVerdict.Sent, "http 200")]
    [InlineData(ChannelType.Feishu, 200, """{"StatusCode":0,"StatusMessage":"success"}""", SendVerdict.Sent, "http 200")]
    [InlineData(ChannelType.Feishu, 200, """{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}""", SendVerdict.Failed, "feishu code 19021")]
    [InlineData(ChannelType.Feishu, 200, """{"code":11232,"msg":"frequency limited"}""", SendVerdict.Retry, "feishu code 11232")]
    [InlineData(ChannelType.Slack, 200, "ok", SendVerdict.Sent, "http 200")]
    [InlineData(ChannelType.Slack, 400, "invalid_payload", SendVerdict.Failed, "http 400 invalid_payload")]
    [InlineData(ChannelType.Slack, 404, "<html>not found</html>", SendVerdict.Failed, "http 404")]
    [InlineData(ChannelType.Webhook, 429, "", SendVerdict.Retry, "http 429")]
    [InlineData(ChannelType.Webhook, 500, "", SendVerdict.Retry, "http 500")]
    [InlineData(ChannelType.Webhook, 503, "", SendVerdict.Retry, "http 503")]
    [InlineData(ChannelType.Webhook, 408, "", SendVerdict.Retry, "http 408")]
    [InlineData(ChannelType.Webhook, 400, "bad", SendVerdict.Failed, "http 400")]
    [InlineData(ChannelType.Webhook, 401, "", SendVerdict.Failed, "http 401")]
    [InlineData(ChannelType.Webhook, 302, "", SendVerdict.Failed, "http 302")]
    public void Classify_Answer_GivesVerdictAndCode(ChannelType type, int status, string answer, SendVerdict verdict, string code)
    {
        // Act
        var attempt = NotificationSender.Classify(type, (HttpStatusCode)status, answer);

        // Assert
        Assert.Equal((verdict, code), (attempt.Verdict, attempt.Code));
    }

    [Fact]
    public void Classify_ThrottledWithRetryAfter_KeepsTheWait()
    {
        // Act
        var attempt = NotificationSender.Classify(ChannelType.Slack, HttpStatusCode.TooManyRequests, string.Empty, TimeSpan.FromSeconds(3));

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3), attempt.RetryAfter);
    }
}

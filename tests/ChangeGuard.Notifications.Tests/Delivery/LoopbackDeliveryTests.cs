using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Testing.Notifications;
using ChangeGuard.Testing.Time;
using ChangeGuard.Watching.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ChangeGuard.Notifications.Tests.Delivery;

/// <summary>
/// The notification activity over real HTTP to a loopback receiver per channel format: what arrives (body shape,
/// signature verified here independently), how answers are retried, and that a redelivered activity posts once.
/// </summary>
public sealed class LoopbackDeliveryTests
{
    private const string DingTalkToken = "DINGTALK-ACCESS-TOKEN-3f9a";

    private static readonly TaskActivityContext Context = Mock.Of<TaskActivityContext>();

    private static NotifyRequest Request(string channel = "ops", WatchEvent? watchEvent = null) => new(watchEvent ?? new WatchEventBuilder().Build(), channel);

    private static async Task<(LoopbackReceiver Receiver, NotificationServices Services)> StartAsync(
        string type, string path = "/hook", string? secret = null, ReceiverAnswer? answer = null, Action<NotificationSettings>? settings = null, TimeProvider? time = null)
    {
        var receiver = await LoopbackReceiver.StartAsync(answer ?? ReceiverAnswer.SuccessOf(type));
        var configured = new NotificationSettings().Channel("ops", type, receiver.Url(path), secret);
        settings?.Invoke(configured);
        return (receiver, NotificationServices.Create(configured.Build(), time));
    }

    [Fact]
    public async Task RunAsync_Webhook_ReceiverGetsTheEventWithAVerifiableSignature()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook", secret: NotificationSettings.WebhookSecret);
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 1, "http 204"), outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.StartsWith("application/json", request.Header("content-type"), StringComparison.Ordinal);
        var id = request.Header("webhook-id")!;
        var timestamp = request.Header("webhook-timestamp")!;
        Assert.Equal("watch-co-7f3a:aborted:1793520000-2", id);
        var key = Convert.FromBase64String(NotificationSettings.WebhookSecret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(request.Body).ToArray()));
        Assert.Equal(expected, request.Header("webhook-signature"));
        Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
        var body = JsonNode.Parse(request.Text)!;
        Assert.Equal("aborted", (string?)body["type"]);
        Assert.Equal(id, (string?)body["data"]!["eventId"]);
        Assert.Equal("unavailableRatio", (string?)body["data"]!["evidence"]![0]!["signal"]);
    }

    [Fact]
    public async Task RunAsync_DingTalk_ReceiverGetsMarkdownOnTheSignedRobotUrl()
    {
        // Arrange
        var (receiver, services) = await StartAsync("dingtalk", $"/robot/send?access_token={DingTalkToken}", NotificationSettings.DingTalkSecret);
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(NotifyStatus.Sent, outcome.Status);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/robot/send", request.Path);
        Assert.Equal(DingTalkToken, request.Query["access_token"]);
        var timestamp = request.Query["timestamp"];
        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(NotificationSettings.DingTalkSecret), Encoding.UTF8.GetBytes($"{timestamp}\n{NotificationSettings.DingTalkSecret}")));
        Assert.Equal(expected, request.Query["sign"]);
        var body = JsonNode.Parse(request.Text)!;
        Assert.Equal("markdown", (string?)body["msgtype"]);
        Assert.Contains("event watch-co-7f3a:aborted:1793520000-2", (string?)body["markdown"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Feishu_ReceiverGetsASignedInteractiveCard()
    {
        // Arrange
        var (receiver, services) = await StartAsync("feishu", "/open-apis/bot/v2/hook/0000", NotificationSettings.FeishuSecret);
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(NotifyStatus.Sent, outcome.Status);
        var body = JsonNode.Parse(Assert.Single(receiver.Requests).Text)!;
        Assert.Equal("interactive", (string?)body["msg_type"]);
        var timestamp = (string)body["timestamp"]!;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestamp}\n{NotificationSettings.FeishuSecret}"), Array.Empty<byte>()));
        Assert.Equal(expected, (string?)body["sign"]);
    }

    [Fact]
    public async Task RunAsync_Slack_ReceiverGetsBlocksAndOkIsSent()
    {
        // Arrange
        var (receiver, services) = await StartAsync("slack", "/services/T0/B0/XXXX");
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 1, "http 200"), outcome);
        var body = JsonNode.Parse(Assert.Single(receiver.Requests).Text)!;
        Assert.Equal("header", (string?)body["blocks"]![0]!["type"]);
        Assert.NotNull((string?)body["text"]);
    }

    [Fact]
    public async Task RunAsync_Teams_ReceiverGetsAnAdaptiveCardAnd202IsSent()
    {
        // Arrange
        var (receiver, services) = await StartAsync("teams", "/workflows/0000/triggers/manual/paths/invoke?sig=abc");
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 1, "http 202"), outcome);
        var body = JsonNode.Parse(Assert.Single(receiver.Requests).Text)!;
        Assert.Equal("AdaptiveCard", (string?)body["attachments"]![0]!["content"]!["type"]);
        Assert.Equal("abc", Assert.Single(receiver.Requests).Query["sig"]);
    }

    [Fact]
    public async Task RunAsync_TwoServerErrorsThenSuccess_RetriesWithTheSameIdAndSends()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook", secret: NotificationSettings.WebhookSecret);
        await using var _ = receiver;
        using var __ = services;
        receiver.Answer(r => r.Number <= 2 ? new ReceiverAnswer(500) : new ReceiverAnswer(204));

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 3, "http 204"), outcome);
        Assert.Single(receiver.Requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_Throttled429WithRetryAfter_WaitsWhatTheReceiverAskedThenSends()
    {
        // Arrange
        var time = new RecordingTimeProvider();
        var (receiver, services) = await StartAsync("slack", "/services/T0/B0/XXXX", answer: ReceiverAnswer.SuccessOf("slack"), time: time);
        await using var _ = receiver;
        using var __ = services;
        receiver.Answer(r => r.Number == 1 ? new ReceiverAnswer(429, "rate_limited", RetryAfter: "2") : ReceiverAnswer.SuccessOf("slack"));

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Sent, 2, "http 200"), outcome);
        Assert.Contains(TimeSpan.FromSeconds(2), time.Delays);
    }

    [Fact]
    public async Task RunAsync_RetryAfterBeyondTheDeliveryTimeout_GivesUpWithoutWaiting()
    {
        // Arrange
        var time = new RecordingTimeProvider();
        var (receiver, services) = await StartAsync("webhook", answer: new ReceiverAnswer(429, RetryAfter: "3600"), time: time);
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 1, "http 429"), outcome);
        Assert.DoesNotContain(TimeSpan.FromHours(1), time.Delays);
    }

    [Fact]
    public async Task RunAsync_ChannelRateLimitUsedUp_WaitsForItThenSends()
    {
        // Arrange: Slack allows one message a second; the limiter runs on the real clock, so the second waits about that.
        var (receiver, services) = await StartAsync("slack", "/services/T0/B0/XXXX");
        await using var _ = receiver;
        using var __ = services;
        var second = new WatchEventBuilder().With(e => e with { EventId = "watch-co-7f3a:aborted:1793520000-3" }).Build();

        // Act
        var outcomes = await Task.WhenAll(services.Activity.RunAsync(Context, Request()), services.Activity.RunAsync(Context, Request(watchEvent: second)));

        // Assert
        Assert.All(outcomes, o => Assert.Equal(new NotifyResult(NotifyStatus.Sent, 1, "http 200"), o));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(services.Logs.Lines, l => l.Contains("waits for the channel's rate limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoFreeSlotBeforeTheDeliveryTimeout_FailsWithoutPosting()
    {
        // Arrange: DingTalk's 20 a minute used up; the delivery timeout runs on the fake clock, the limiter on the real one.
        var time = new FakeTimeProvider(WatchEventBuilder.At);
        var (receiver, services) = await StartAsync("dingtalk", $"/robot/send?access_token={DingTalkToken}", time: time);
        await using var _ = receiver;
        using var __ = services;
        for (var i = 0; i < 20; i++)
        {
            var sent = await services.Activity.RunAsync(Context, Request(watchEvent: new WatchEventBuilder().With(e => e with { EventId = $"event-{i}" }).Build()));
            Assert.Equal(NotifyStatus.Sent, sent.Status);
        }

        var late = services.Activity.RunAsync(Context, Request());
        await WaitForLogAsync(services, "waits for the channel's rate limit");

        // Act
        time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await late;

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 0, "rate limit: no free slot in time"), outcome);
        Assert.Equal(20, receiver.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_AlwaysServerError_FailsAfterMaxAttemptsAsData()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook", answer: new ReceiverAnswer(500), settings: s => s.With("MaxAttempts", "3"));
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 3, "http 500"), outcome);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_Refused_FailsAtOnce()
    {
        // Arrange
        var (receiver, services) = await StartAsync("dingtalk", $"/robot/send?access_token={DingTalkToken}",
            answer: new ReceiverAnswer(200, """{"errcode":310000,"errmsg":"keywords not in content"}"""));
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 1, "dingtalk errcode 310000"), outcome);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task RunAsync_NobodyListens_FailsAsNetworkErrorWithoutThrowing()
    {
        // Arrange
        var receiver = await LoopbackReceiver.StartAsync();
        var url = receiver.Url();
        await receiver.DisposeAsync();
        using var services = NotificationServices.Create(new NotificationSettings().Channel("ops", "webhook", url).With("MaxAttempts", "2").Build());

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 2, "network error"), outcome);
    }

    [Fact]
    public async Task RunAsync_UnknownChannel_FailsWithoutPosting()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook");
        await using var _ = receiver;
        using var __ = services;

        // Act
        var outcome = await services.Activity.RunAsync(Context, Request("removed-channel"));

        // Assert
        Assert.Equal(new NotifyResult(NotifyStatus.Failed, 0, "unknown channel"), outcome);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task RunAsync_RedeliveredAfterSuccess_PostsOnce()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook");
        await using var _ = receiver;
        using var __ = services;

        // Act
        var first = await services.Activity.RunAsync(Context, Request());
        var second = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal(NotifyStatus.Sent, first.Status);
        Assert.Equal(new NotifyResult(NotifyStatus.AlreadySent, 0, "http 204"), second);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task RunAsync_RedeliveredWhileTheFirstIsInFlight_PostsOnce()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook");
        await using var _ = receiver;
        using var __ = services;
        var release = new TaskCompletionSource();
        receiver.HoldUntil(release.Task);

        // Act
        var first = services.Activity.RunAsync(Context, Request());
        await receiver.WaitForAsync(1);
        var second = services.Activity.RunAsync(Context, Request());
        release.SetResult();
        var outcomes = await Task.WhenAll(first, second);

        // Assert
        Assert.Equal([NotifyStatus.Sent, NotifyStatus.AlreadySent], outcomes.Select(o => o.Status));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task RunAsync_RedeliveredAfterFailure_TriesAgain()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook", settings: s => s.With("MaxAttempts", "1"));
        await using var _ = receiver;
        using var __ = services;
        receiver.Answer(r => r.Number == 1 ? new ReceiverAnswer(503) : new ReceiverAnswer(204));

        // Act
        var first = await services.Activity.RunAsync(Context, Request());
        var second = await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.Equal((NotifyStatus.Failed, NotifyStatus.Sent), (first.Status, second.Status));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task RunAsync_ChannelNamedInAnotherCase_IsTheSameChannelAndPostsOnce()
    {
        // Arrange
        var (receiver, services) = await StartAsync("webhook");
        await using var _ = receiver;
        using var __ = services;

        // Act
        var ops = await services.Activity.RunAsync(Context, Request("ops"));
        var duplicate = await services.Activity.RunAsync(Context, Request("OPS"));

        // Assert: channel names ignore case, so OPS is the same channel and not posted twice.
        Assert.Equal((NotifyStatus.Sent, NotifyStatus.AlreadySent), (ops.Status, duplicate.Status));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task RunAsync_AnyAnswer_LogsNeitherUrlTokenNorSecret()
    {
        // Arrange
        var (receiver, services) = await StartAsync("dingtalk", $"/robot/send?access_token={DingTalkToken}", NotificationSettings.DingTalkSecret);
        await using var _ = receiver;
        using var __ = services;
        receiver.Answer(r => r.Number == 1 ? new ReceiverAnswer(500) : ReceiverAnswer.SuccessOf("dingtalk"));

        // Act
        await services.Activity.RunAsync(Context, Request());

        // Assert
        Assert.NotEmpty(services.Logs.Lines);
        Assert.Contains("watch-co-7f3a:aborted:1793520000-2", services.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(DingTalkToken, services.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(NotificationSettings.DingTalkSecret, services.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("sign=", services.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", services.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task WaitForLogAsync(NotificationServices services, string text)
    {
        for (var i = 0; i < 500 && !services.Logs.AllText.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(10);
        }

        Assert.Contains(text, services.Logs.AllText, StringComparison.Ordinal);
    }
}

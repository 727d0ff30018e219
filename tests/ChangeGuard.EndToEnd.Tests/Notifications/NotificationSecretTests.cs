using ChangeGuard.Domain.Assessment;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.EndToEnd.Tests.Notifications;

/// <summary>
/// A full watch notifying one channel of every type, each with a recognisable secret or URL token (the URL is the
/// credential for Slack, Teams and DingTalk): none of them reaches a log line or any payload the engine persisted.
/// </summary>
public sealed class NotificationSecretTests
{
    private const string DingTalkToken = "DINGTALK-TOKEN-recognisable-11d4";
    private const string FeishuHook = "FEISHU-HOOK-recognisable-52aa";
    private const string SlackToken = "SLACK-TOKEN-recognisable-0c7e";
    private const string TeamsSig = "TEAMS-SIG-recognisable-94b2";

    [Fact]
    public async Task Watch_NotifyingEveryChannelType_PersistsAndLogsNoChannelSecret()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Answer(r => r.Path switch
        {
            "/robot/send" => ReceiverAnswer.SuccessOf("dingtalk"),
            _ when r.Path.StartsWith("/open-apis/", StringComparison.Ordinal) => ReceiverAnswer.SuccessOf("feishu"),
            _ when r.Path.StartsWith("/services/", StringComparison.Ordinal) => ReceiverAnswer.SuccessOf("slack"),
            _ when r.Path.StartsWith("/workflows/", StringComparison.Ordinal) => ReceiverAnswer.SuccessOf("teams"),
            _ => ReceiverAnswer.SuccessOf("webhook"),
        });
        var settings = new NotificationSettings()
            .Channel("hook", "webhook", receiver.Url("/hook"), NotificationSettings.WebhookSecret)
            .Channel("ding", "dingtalk", receiver.Url($"/robot/send?access_token={DingTalkToken}"), NotificationSettings.DingTalkSecret)
            .Channel("lark", "feishu", receiver.Url($"/open-apis/bot/v2/hook/{FeishuHook}"), NotificationSettings.FeishuSecret)
            .Channel("chat", "slack", receiver.Url($"/services/T0/B0/{SlackToken}"))
            .Channel("team", "teams", receiver.Url($"/workflows/0/triggers/manual/paths/invoke?sig={TeamsSig}"));
        var scenario = new ScenarioBuilder().WithTimeScale(10)
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.UnhealthyBatch(2, 10, 2, 600), ChangeOrders.Batch(2)] }))
            .Build();
        await using var harness = await GuardHarness.StartAsync(scenario, settings.Build());

        // Act
        await harness.StartWatchAsync("co-1");
        var result = await harness.WaitForResultAsync("co-1");

        // Assert
        Assert.Equal(WatchOutcome.Aborted, result.Outcome);
        Assert.Equal(5, receiver.Requests.Count);
        Assert.DoesNotContain(result.Timeline, d => d.ActionText.StartsWith("notify", StringComparison.Ordinal));
        var logs = harness.Logs.AllText;
        var history = harness.Payloads.AllText;
        Assert.Contains("co-1", history, StringComparison.Ordinal);
        Assert.Contains("watch-co-1:aborted:", history, StringComparison.Ordinal);
        Assert.Contains("Notification watch-co-1:aborted:", logs, StringComparison.Ordinal);
        foreach (var secret in new[]
        {
            NotificationSettings.WebhookSecret, NotificationSettings.WebhookSecret["whsec_".Length..], NotificationSettings.DingTalkSecret,
            NotificationSettings.FeishuSecret, DingTalkToken, FeishuHook, SlackToken, TeamsSig,
        })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, history, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("sign=", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.BaseAddress.Authority, logs + history, StringComparison.Ordinal);
    }
}

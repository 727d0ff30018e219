using System.Text.Json.Nodes;
using ChangeGuard.Notifications.Formatting;
using ChangeGuard.Testing.Notifications;

namespace ChangeGuard.Notifications.Tests.Formatting;

/// <summary>Channel settings and helpers for formatter tests.</summary>
internal static class Channels
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 8, 1, 16, 250, TimeSpan.Zero);

    public static NotificationChannelOptions Of(string type, string url, string? secret = null) => new() { Type = type, Url = url, Secret = secret };

    public static NotificationChannelOptions Webhook(string? secret = NotificationSettings.WebhookSecret) => Of("webhook", "https://hooks.example.com/changeguard", secret);

    public static NotificationChannelOptions DingTalk(string? secret = NotificationSettings.DingTalkSecret) =>
        Of("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", secret);

    public static NotificationChannelOptions Feishu(string? secret = NotificationSettings.FeishuSecret) =>
        Of("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/00000000-0000-0000-0000-000000000000", secret);

    public static NotificationChannelOptions Slack() => Of("slack", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX");

    public static NotificationChannelOptions Teams() => Of("teams", "https://prod-00.westeurope.logic.azure.com/workflows/0000/triggers/manual/paths/invoke?sig=XXXX");

    public static NotificationChannelOptions For(ChannelType type) => type switch
    {
        ChannelType.Webhook => Webhook(),
        ChannelType.DingTalk => DingTalk(),
        ChannelType.Feishu => Feishu(),
        ChannelType.Slack => Slack(),
        _ => Teams(),
    };

    public static (NotificationMessage Message, JsonNode Body) Format(ChannelType type, WatchEvent? watchEvent = null, NotificationChannelOptions? channel = null)
    {
        var message = NotificationFormatters.For(type).Format(watchEvent ?? new WatchEventBuilder().Build(), channel ?? For(type), Now);
        return (message, JsonNode.Parse(message.Body)!);
    }
}

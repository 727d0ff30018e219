using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeGuard.Notifications.Tests.Formatting;

namespace ChangeGuard.Notifications.Tests;

/// <summary>The sample messages in docs/notifications.md: each channel's formatter output for the sample event, indented.</summary>
internal static class DocsSamples
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Body(ChannelType type) => JsonNode.Parse(Channels.Format(type).Message.Body)!.ToJsonString(Indented);

    public static string WebhookHeaders()
    {
        var message = Channels.Format(ChannelType.Webhook).Message;
        return string.Join('\n', message.Headers.Select(h => $"{h.Key}: {h.Value}"));
    }

    public static string DingTalkUrl() => Channels.Format(ChannelType.DingTalk).Message.Url.OriginalString;
}

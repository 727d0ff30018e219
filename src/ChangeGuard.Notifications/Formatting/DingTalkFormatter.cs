using System.Text;
using System.Text.Json.Nodes;
using ChangeGuard.Notifications.Signing;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// DingTalk custom robot: a <c>markdown</c> message (title, reason, facts, evidence, timeline, console link, event
/// id). With a secret, the URL gets DingTalk's <c>timestamp</c> and <c>sign</c>. DingTalk documents no body limit,
/// so the body is kept under the same 20 KB as the other chats.
/// </summary>
public sealed class DingTalkFormatter : INotificationFormatter
{
    /// <inheritdoc />
    public ChannelType Type => ChannelType.DingTalk;

    /// <inheritdoc />
    public int MaxBodyBytes => 20_000;

    /// <inheritdoc />
    public NotificationMessage Format(WatchEvent watchEvent, NotificationChannelOptions channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        ArgumentNullException.ThrowIfNull(channel);
        var url = new Uri(channel.Url!, UriKind.Absolute);
        if (!string.IsNullOrEmpty(channel.Secret))
        {
            url = DingTalkSignature.SignUrl(url, channel.Secret, now.ToUnixTimeMilliseconds());
        }

        return MessageFit.Json(url, watchEvent, MaxBodyBytes, Render);
    }

    private static JsonObject Render(WatchEvent e)
    {
        var text = new StringBuilder()
            .Append("### ").Append(EventText.Title(e)).Append("\n\n")
            .Append("**Reason:** ").Append(e.Reason).Append("\n\n");
        foreach (var (label, value) in EventText.Facts(e))
        {
            text.Append("- **").Append(label).Append(":** ").Append(value).Append('\n');
        }

        if (e.Evidence.Count > 0)
        {
            text.Append("\n**Evidence**\n\n");
            foreach (var evidence in e.Evidence)
            {
                text.Append("- ").Append(EventText.Evidence(evidence)).Append('\n');
            }
        }

        if (e.Timeline.Count > 0)
        {
            text.Append("\n**Timeline**\n\n");
            foreach (var decision in e.Timeline)
            {
                text.Append("- ").Append(EventText.Decision(decision)).Append('\n');
            }
        }

        text.Append("\n[Open in SAE console](").Append(e.ConsoleUrl).Append(")\n\n")
            .Append("###### ").Append(EventText.Footer(e));
        return new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = EventText.Title(e), ["text"] = text.ToString() },
        };
    }
}

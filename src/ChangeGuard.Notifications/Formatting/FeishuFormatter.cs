using System.Globalization;
using System.Text.Json.Nodes;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Notifications.Signing;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// Feishu / Lark custom bot: an <c>interactive</c> card (header coloured by severity, reason, facts, evidence,
/// timeline, a console button, the event id). With a secret, the body carries Feishu's <c>timestamp</c> (a string, in
/// seconds) and <c>sign</c>. Feishu refuses bodies over 20 KB; this one stays under 20,000 bytes.
/// </summary>
public sealed class FeishuFormatter : INotificationFormatter
{
    /// <inheritdoc />
    public ChannelType Type => ChannelType.Feishu;

    /// <inheritdoc />
    public int MaxBodyBytes => 20_000;

    /// <inheritdoc />
    public NotificationMessage Format(WatchEvent watchEvent, NotificationChannelOptions channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        ArgumentNullException.ThrowIfNull(channel);
        var timestamp = now.ToUnixTimeSeconds();
        return MessageFit.Json(new Uri(channel.Url!, UriKind.Absolute), watchEvent, MaxBodyBytes, e => Render(e, channel.Secret, timestamp));
    }

    private static JsonObject Render(WatchEvent e, string? secret, long timestamp)
    {
        var elements = new JsonArray
        {
            Markdown($"**Reason:** {e.Reason}"),
            new JsonObject
            {
                ["tag"] = "div",
                ["fields"] = new JsonArray(EventText.Facts(e).Select(f => (JsonNode)new JsonObject
                {
                    ["is_short"] = true,
                    ["text"] = new JsonObject { ["tag"] = "lark_md", ["content"] = $"**{f.Label}**\n{f.Value}" },
                }).ToArray()),
            },
        };
        if (e.Evidence.Count > 0)
        {
            elements.Add(Markdown("**Evidence**\n" + string.Join('\n', e.Evidence.Select(x => "- " + EventText.Evidence(x)))));
        }

        if (e.Timeline.Count > 0)
        {
            elements.Add(Markdown("**Timeline**\n" + string.Join('\n', e.Timeline.Select(d => "- " + EventText.Decision(d)))));
        }

        elements.Add(new JsonObject
        {
            ["tag"] = "action",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["tag"] = "button",
                ["text"] = new JsonObject { ["tag"] = "plain_text", ["content"] = "Open in SAE console" },
                ["type"] = "primary",
                ["url"] = e.ConsoleUrl,
            }),
        });
        elements.Add(new JsonObject
        {
            ["tag"] = "note",
            ["elements"] = new JsonArray(new JsonObject { ["tag"] = "plain_text", ["content"] = EventText.Footer(e) }),
        });

        var message = new JsonObject();
        if (!string.IsNullOrEmpty(secret))
        {
            message["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
            message["sign"] = FeishuSignature.Sign(secret, timestamp);
        }

        message["msg_type"] = "interactive";
        message["card"] = new JsonObject
        {
            ["config"] = new JsonObject { ["wide_screen_mode"] = true },
            ["header"] = new JsonObject
            {
                ["title"] = new JsonObject { ["tag"] = "plain_text", ["content"] = EventText.Title(e) },
                ["template"] = Template(e),
            },
            ["elements"] = elements,
        };
        return message;
    }

    private static JsonObject Markdown(string content) =>
        new() { ["tag"] = "div", ["text"] = new JsonObject { ["tag"] = "lark_md", ["content"] = content } };

    private static string Template(WatchEvent e) => e.Severity switch
    {
        NotificationSeverity.Error => "red",
        NotificationSeverity.Warning => "orange",
        _ => e.Outcome == WatchOutcome.Succeeded ? "green" : "blue",
    };
}

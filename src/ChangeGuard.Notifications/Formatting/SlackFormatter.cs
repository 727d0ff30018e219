using System.Text.Json.Nodes;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// Slack incoming webhook: Block Kit blocks (header, reason, facts, evidence, timeline, a console button, the event
/// id) with a plain <c>text</c> fallback for notifications. Respects Block Kit's limits (header 150 characters, section
/// text 3,000, ten fields) and keeps the body under 20 KB. The URL is the secret: there is no signature.
/// </summary>
public sealed class SlackFormatter : INotificationFormatter
{
    private const int SectionText = 3000;

    /// <inheritdoc />
    public ChannelType Type => ChannelType.Slack;

    /// <inheritdoc />
    public int MaxBodyBytes => 20_000;

    /// <inheritdoc />
    public NotificationMessage Format(WatchEvent watchEvent, NotificationChannelOptions channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        ArgumentNullException.ThrowIfNull(channel);
        return MessageFit.Json(new Uri(channel.Url!, UriKind.Absolute), watchEvent, MaxBodyBytes, Render);
    }

    private static JsonObject Render(WatchEvent e)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = EventText.Clip($"{Emoji(e.Severity)} {EventText.Title(e)}", 150), ["emoji"] = true },
            },
            Section($"*Reason:* {Escape(e.Reason)}"),
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(EventText.Facts(e).Take(10)
                    .Select(f => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = EventText.Clip($"*{f.Label}*\n{Escape(f.Value)}", 2000) }).ToArray()),
            },
        };
        if (e.Evidence.Count > 0)
        {
            blocks.Add(Section(Lines("*Evidence*", e.Evidence.Select(x => "• " + Escape(EventText.Evidence(x))), newest: false)));
        }

        if (e.Timeline.Count > 0)
        {
            blocks.Add(Section(Lines("*Timeline*", e.Timeline.Select(d => "• " + Escape(EventText.Decision(d))), newest: true)));
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open in SAE console" },
                ["url"] = e.ConsoleUrl,
            }),
        });
        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = EventText.Clip(Escape(EventText.Footer(e)), SectionText) }),
        });

        return new JsonObject
        {
            ["text"] = EventText.Clip($"{EventText.Title(e)}: {e.Reason}", SectionText),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = EventText.Clip(text, SectionText) },
    };

    // A section holds 3,000 characters: keep whole lines (each at most 600), the first evidence or the newest decisions.
    private static string Lines(string heading, IEnumerable<string> lines, bool newest)
    {
        var clipped = lines.Select(l => EventText.Clip(l, 600)).ToList();
        if (newest)
        {
            clipped.Reverse();
        }

        var kept = new List<string>();
        var length = heading.Length;
        foreach (var line in clipped)
        {
            if (length + 1 + line.Length > SectionText)
            {
                break;
            }

            kept.Add(line);
            length += 1 + line.Length;
        }

        if (newest)
        {
            kept.Reverse();
        }

        return heading + "\n" + string.Join('\n', kept);
    }

    private static string Emoji(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Error => ":rotating_light:",
        NotificationSeverity.Warning => ":warning:",
        _ => ":information_source:",
    };

    // Slack's mrkdwn treats &, < and > as control characters; everything else is literal enough.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

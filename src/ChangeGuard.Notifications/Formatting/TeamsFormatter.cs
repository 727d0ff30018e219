using System.Text.Json.Nodes;
using ChangeGuard.Domain.Assessment;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// Microsoft Teams through a Workflows (Power Automate) webhook: a message with one Adaptive Card 1.4 (title coloured
/// by severity, reason, a fact set, evidence, timeline, a console button, the event id), the shape the "post to a
/// channel when a webhook request is received" flow expects. Teams caps a posted card at about 28 KB, so the body
/// stays under 27,000 bytes. The URL carries its own signature: there is no secret.
/// </summary>
public sealed class TeamsFormatter : INotificationFormatter
{
    /// <inheritdoc />
    public ChannelType Type => ChannelType.Teams;

    /// <inheritdoc />
    public int MaxBodyBytes => 27_000;

    /// <inheritdoc />
    public NotificationMessage Format(WatchEvent watchEvent, NotificationChannelOptions channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        ArgumentNullException.ThrowIfNull(channel);
        return MessageFit.Json(new Uri(channel.Url!, UriKind.Absolute), watchEvent, MaxBodyBytes, Render);
    }

    private static JsonObject Render(WatchEvent e)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = EventText.Title(e), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true, ["color"] = Color(e) },
            new JsonObject { ["type"] = "TextBlock", ["text"] = e.Reason, ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(EventText.Facts(e).Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value }).ToArray()),
            },
        };
        if (e.Evidence.Count > 0)
        {
            body.Add(Heading("Evidence"));
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join('\n', e.Evidence.Select(x => "- " + EventText.Evidence(x))), ["wrap"] = true });
        }

        if (e.Timeline.Count > 0)
        {
            body.Add(Heading("Timeline"));
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = string.Join('\n', e.Timeline.Select(d => "- " + EventText.Decision(d))), ["wrap"] = true, ["size"] = "Small" });
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = EventText.Footer(e), ["wrap"] = true, ["size"] = "Small", ["isSubtle"] = true });

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in SAE console", ["url"] = e.ConsoleUrl }),
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    private static JsonObject Heading(string text) =>
        new() { ["type"] = "TextBlock", ["text"] = text, ["weight"] = "Bolder", ["wrap"] = true, ["spacing"] = "Medium" };

    private static string Color(WatchEvent e) => e.Severity switch
    {
        NotificationSeverity.Error => "Attention",
        NotificationSeverity.Warning => "Warning",
        _ => e.Outcome == WatchOutcome.Succeeded ? "Good" : "Default",
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// Keeps a body under a channel's size limit by giving up the least useful parts first: the oldest timeline
/// entries, then the length of the reason and the evidence. Title, ids, severity and the console link always stay.
/// </summary>
internal static class MessageFit
{
    /// <summary>
    /// A chat message: the event rendered as JSON by <paramref name="render"/>, shortened until it fits in
    /// <paramref name="maxBytes"/>, posted to <paramref name="url"/> with no headers of its own.
    /// </summary>
    public static NotificationMessage Json(Uri url, WatchEvent watchEvent, int maxBytes, Func<WatchEvent, JsonNode> render) =>
        new(url, Fit(watchEvent, maxBytes, e => JsonSerializer.SerializeToUtf8Bytes(render(e), EventText.Json)), "application/json", new Dictionary<string, string>());

    /// <summary>The first rendering of the event, or of a shortened event, that fits in <paramref name="maxBytes"/>.</summary>
    public static byte[] Fit(WatchEvent watchEvent, int maxBytes, Func<WatchEvent, byte[]> render)
    {
        byte[] body = [];
        foreach (var candidate in Candidates(watchEvent))
        {
            body = render(candidate);
            if (body.Length <= maxBytes)
            {
                return body;
            }
        }

        // Ids are at most 128 characters and everything else is clipped by now: not reached in practice.
        return body;
    }

    private static IEnumerable<WatchEvent> Candidates(WatchEvent e)
    {
        var timeline = e.Timeline.TakeLast(WatchEvent.TimelineKept).ToArray();
        yield return e with { Timeline = timeline };
        for (var keep = timeline.Length - 1; keep >= 0; keep--)
        {
            yield return e with { Timeline = timeline[^keep..] };
        }

        foreach (var (reason, detail, evidence, instances) in new[] { (4000, 1000, 10, 20), (1000, 300, 5, 5), (300, 100, 3, 0), (120, 60, 1, 0) })
        {
            yield return e with
            {
                Timeline = [],
                Reason = EventText.Clip(e.Reason, reason),
                AppName = e.AppName is null ? null : EventText.Clip(e.AppName, 128),
                RequestedBy = e.RequestedBy is null ? null : EventText.Clip(e.RequestedBy, 128),
                Evidence = e.Evidence.Take(evidence).Select(x => Shorten(x, detail, instances)).ToArray(),
            };
        }
    }

    private static Evidence Shorten(Evidence evidence, int detail, int instances) => evidence with
    {
        Signal = EventText.Clip(evidence.Signal, 64),
        Observed = EventText.Clip(evidence.Observed, detail),
        Threshold = EventText.Clip(evidence.Threshold, detail),
        Instances = evidence.Instances.Take(instances).Select(i => EventText.Clip(i, 128)).ToArray(),
    };
}

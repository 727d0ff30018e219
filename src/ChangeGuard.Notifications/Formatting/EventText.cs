using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// The words every chat format shares (title, facts, evidence and timeline lines), so Slack, Teams, DingTalk and
/// Feishu say the same thing in their own markup.
/// </summary>
internal static class EventText
{
    /// <summary>JSON for request bodies: compact, UTF-8 text left readable (no <c>\uXXXX</c> for CJK).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The app as people know it: <c>checkout (app-1)</c>, or the id alone.</summary>
    public static string App(WatchEvent e) => string.IsNullOrWhiteSpace(e.AppName) || e.AppName == e.AppId ? e.AppId : $"{e.AppName} ({e.AppId})";

    /// <summary>One line saying what happened.</summary>
    public static string Title(WatchEvent e)
    {
        var order = $"change order {e.ChangeOrderId} of {App(e)}";
        return "ChangeGuard: " + e.Type switch
        {
            WatchEventType.WatchStarted => $"watching {order}",
            WatchEventType.BreachCounted => $"breach counted on {order}",
            WatchEventType.Aborted => $"aborted {order}",
            WatchEventType.AbortFailed => $"could not abort {order}",
            WatchEventType.DryRunWouldAbort => $"dry run, would abort {order}",
            WatchEventType.Ended when e.Outcome == WatchOutcome.Succeeded => $"{order} succeeded",
            WatchEventType.Ended when e.Outcome == WatchOutcome.Stopped => $"stopped watching {order}",
            WatchEventType.Ended when e.Outcome == WatchOutcome.Unwatchable => $"cannot watch {order}",
            WatchEventType.Ended => $"{order} ended on its own",
            WatchEventType.GuardAdopted => $"rollback guard adopted {order}",
            WatchEventType.GuardAborted => $"rollback guard is aborting {order}",
            WatchEventType.BatchPromoted => $"promoted {Batch(e)} of {order}",
            WatchEventType.DryRunWouldPromote => $"dry run, would promote {Batch(e)} of {order}",
            _ => order,
        };
    }

    /// <summary>The batch an event is about: <c>batch 2 of 3</c>, or <c>the next batch</c> when it is not known.</summary>
    private static string Batch(WatchEvent e) => e.Batch is { } batch and > 0
        ? $"batch {batch}{(e.BatchCount is { } count and > 0 ? $" of {count}" : string.Empty)}"
        : "the next batch";

    /// <summary>The facts a reader scans: label and value, only those known.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(WatchEvent e)
    {
        var facts = new List<(string, string)>
        {
            ("Severity", Name(e.Severity)),
            ("Region", e.RegionId),
            ("App", App(e)),
            ("Change order", e.ChangeOrderId),
        };
        if (e.Batch is { } batch && batch > 0)
        {
            facts.Add(("Batch", e.BatchCount is { } count && count > 0 ? $"{batch} of {count}" : batch.ToString(CultureInfo.InvariantCulture)));
        }

        if (e.Verdict is { } verdict)
        {
            facts.Add(("Verdict", Name(verdict)));
        }

        if (e.Outcome is { } outcome)
        {
            facts.Add(("Outcome", Name(outcome)));
        }

        if (!string.IsNullOrWhiteSpace(e.RequestedBy))
        {
            facts.Add(("Requested by", e.RequestedBy));
        }

        facts.Add(("Occurred", Time(e.OccurredAt)));
        return facts;
    }

    /// <summary><c>unavailableRatio: observed 0.50 (2 of 4), threshold 0.25 (instances: i-1, i-2)</c>.</summary>
    public static string Evidence(Evidence evidence)
    {
        var line = $"{evidence.Signal}: observed {evidence.Observed}, threshold {evidence.Threshold}";
        if (evidence.Instances.Count > 0)
        {
            line += $" (instances: {string.Join(", ", evidence.Instances.Take(10))}{(evidence.Instances.Count > 10 ? $", +{evidence.Instances.Count - 10} more" : string.Empty)})";
        }

        return line;
    }

    /// <summary><c>08:01:15 poll 3 breach: reason → action</c>.</summary>
    public static string Decision(Decision decision) =>
        $"{decision.At.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} poll {decision.Poll} {Name(decision.Verdict)}: {decision.Reason} → {decision.ActionText}";

    /// <summary>The footer naming the event, for receivers and people that match duplicates.</summary>
    public static string Footer(WatchEvent e) => $"event {e.EventId}";

    /// <summary>A time as <c>2026-11-01 08:01:15 UTC</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>An enum member as receivers see it in JSON: <c>dryRunWouldAbort</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>At most <paramref name="max"/> characters, with an ellipsis when cut (never inside a surrogate pair).</summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = Math.Max(0, max - 1);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}

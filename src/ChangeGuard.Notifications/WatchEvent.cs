using System.Text.Json;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Notifications;

/// <summary>
/// One notable moment of a watch, as every channel receives it: what happened and how bad, which order, why, the
/// evidence and the recent decisions, so the person reading it needs no other tool to understand the abort. Carries
/// no secret; its <see cref="EventId"/> is stable across replays and retries, so receivers can drop duplicates.
/// </summary>
public sealed record WatchEvent
{
    /// <summary>Most decisions an event carries.</summary>
    public const int TimelineKept = 10;

    /// <summary><c>{instanceId}:{eventType}:{sequence}</c>, the same for every delivery of this event.</summary>
    public required string EventId { get; init; }

    /// <summary>What happened.</summary>
    public required WatchEventType Type { get; init; }

    /// <summary>How urgent it is.</summary>
    public required NotificationSeverity Severity { get; init; }

    /// <summary>When it happened (the orchestration's clock).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The region.</summary>
    public required string RegionId { get; init; }

    /// <summary>The SAE app id.</summary>
    public required string AppId { get; init; }

    /// <summary>The app's name, when SAE told it.</summary>
    public string? AppName { get; init; }

    /// <summary>The change order.</summary>
    public required string ChangeOrderId { get; init; }

    /// <summary>The batch running or next (1-based), when known.</summary>
    public int? Batch { get; init; }

    /// <summary>How many batches the order has, when known.</summary>
    public int? BatchCount { get; init; }

    /// <summary>The verdict behind the event, when a poll led to it.</summary>
    public VerdictKind? Verdict { get; init; }

    /// <summary>How the watch ended, for the events that end it.</summary>
    public WatchOutcome? Outcome { get; init; }

    /// <summary>Why, in one sentence a person can act on.</summary>
    public required string Reason { get; init; }

    /// <summary>The failing signals: observed value and threshold.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>When the watch started.</summary>
    public DateTimeOffset? WatchStartedAt { get; init; }

    /// <summary>The last decisions, oldest first (at most <see cref="TimelineKept"/>).</summary>
    public IReadOnlyList<Decision> Timeline { get; init; } = [];

    /// <summary>Who asked, for a manual abort or stop, or <c>rollback-guard</c>.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The order's page in the SAE console.</summary>
    public string ConsoleUrl => ConsoleUrlFor(RegionId, ChangeOrderId);

    /// <summary>The event type as channels and receivers name it: <c>aborted</c>, <c>dryRunWouldAbort</c>.</summary>
    public static string NameOf(WatchEventType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    /// <summary>An event id: <c>{instanceId}:{eventType}:{sequence}</c>.</summary>
    public static string IdFor(string instanceId, WatchEventType type, string sequence) => $"{instanceId}:{NameOf(type)}:{sequence}";

    /// <summary>
    /// The change order's page in the SAE console. This is the console's usual address for an order, not a documented
    /// contract: it may change with the console.
    /// </summary>
    public static string ConsoleUrlFor(string regionId, string changeOrderId) =>
        $"https://sae.console.aliyun.com/#/AppList/ChangeOrderDetail?changeOrderId={Uri.EscapeDataString(changeOrderId)}&regionId={Uri.EscapeDataString(regionId)}";
}

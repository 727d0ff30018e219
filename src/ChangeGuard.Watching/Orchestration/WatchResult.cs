using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;

namespace ChangeGuard.Watching.Orchestration;

/// <summary>The orchestration's output: how the watch ended, why, with the evidence and the decision timeline.</summary>
public sealed record WatchResult
{
    /// <summary>How the watch ended.</summary>
    public required WatchOutcome Outcome { get; init; }

    /// <summary>The change order.</summary>
    public required WatchTarget Target { get; init; }

    /// <summary>Why: the abort reason, the ending status, or who stopped the watch.</summary>
    public required string Reason { get; init; }

    /// <summary>The signals behind an abort.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>The order's status at the end, when known.</summary>
    public ChangeOrderStatus? FinalStatus { get; init; }

    /// <summary>For an abort: whether the order was seen to reach a terminal status.</summary>
    public bool? AbortConfirmed { get; init; }

    /// <summary>For AbortFailed: SAE's error code.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>For AbortFailed: SAE's message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>SAE's request id of the accepted abort.</summary>
    public string? AbortRequestId { get; init; }

    /// <summary>Who asked, for a manual abort or stop.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Polls made.</summary>
    public int Polls { get; init; }

    /// <summary>SAE calls made.</summary>
    public int SaeCalls { get; init; }

    /// <summary>SAE calls per minute of watching: what one watch costs of the account's budget.</summary>
    public double CallsPerWatchMinute => EndedAt > StartedAt ? Math.Round(SaeCalls / Math.Max((EndedAt - StartedAt).TotalMinutes, 1.0 / 60), 1) : SaeCalls;

    /// <summary>When the watch started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset EndedAt { get; init; }

    /// <summary>The last decisions.</summary>
    public IReadOnlyList<Decision> Timeline { get; init; } = [];

    /// <summary>The batches of a manual release the promotion gate acted on: confirmed, already confirmed, would promote, refused.</summary>
    public IReadOnlyList<Promotion> Promotions { get; init; } = [];
}

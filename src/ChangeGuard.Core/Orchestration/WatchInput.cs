using ChangeGuard.Core.Policy;

namespace ChangeGuard.Core.Orchestration;

/// <summary>
/// The orchestration's input: target, effective policy and who asked; on ContinueAsNew also the start time and
/// state. Never a credential: activities read those from configuration. <paramref name="AbortReason"/> makes the
/// watch abort at once (the rollback guard uses it to retry a failed abort or stop an order past its maximum).
/// </summary>
public sealed record WatchInput(
    WatchTarget Target,
    WatchPolicy Policy,
    string? RequestedBy,
    DateTimeOffset? StartedAt = null,
    WatchState? State = null,
    string? AbortReason = null);

using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Assessment;

/// <summary>What the watch does after a poll, and for anything but Continue the reason, evidence and outcome.</summary>
/// <param name="Action">Continue, Abort, Finish or Stop.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="Evidence">The signals behind an abort.</param>
/// <param name="Outcome">How the watch ends, for Finish and Stop.</param>
/// <param name="FinalStatus">The order's status, when the step ends the watch because the order ended.</param>
/// <param name="Promotion">For Promote: the batch to confirm.</param>
public sealed record WatchStep(
    WatchAction Action,
    string Reason,
    IReadOnlyList<Evidence> Evidence,
    WatchOutcome? Outcome = null,
    ChangeOrderStatus? FinalStatus = null,
    BatchPromotion? Promotion = null)
{
    /// <summary>Poll again.</summary>
    public static WatchStep Continue { get; } = new(WatchAction.Continue, string.Empty, []);
}

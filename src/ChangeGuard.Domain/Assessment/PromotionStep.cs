namespace ChangeGuard.Domain.Assessment;

/// <summary>What a promotion attempt amounts to: the watch's state after it and how it ended.</summary>
/// <param name="State">The state with the attempt in the timeline (and, once it ended, in <see cref="WatchState.Promotions"/>).</param>
/// <param name="Result">How the promotion ended; null when it is tried again on a later poll.</param>
/// <param name="Reason">What happened, in words, for notifications.</param>
public sealed record PromotionStep(WatchState State, PromotionResult? Result, string Reason);

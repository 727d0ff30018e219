using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Watching.Activities;

/// <summary>What one <see cref="PromoteBatchActivity"/> attempt got from SAE.</summary>
public sealed record PromoteBatchResult(PromotionAttempt Attempt);

using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Watching.Activities;

/// <summary>What one <see cref="AbortChangeOrderActivity"/> attempt got from SAE: the answer, and the order where the answer is unclear.</summary>
public sealed record AbortChangeOrderResult(AbortAttempt Attempt);

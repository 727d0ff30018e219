namespace ChangeGuard.Watching.Activities;

/// <summary>One abort attempt: which order, whether to roll back, which attempt this is (for logs).</summary>
public sealed record AbortChangeOrderRequest(string RegionId, string ChangeOrderId, bool Rollback, int Attempt);

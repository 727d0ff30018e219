namespace ChangeGuard.Watching.Activities;

/// <summary>Which order's status to read.</summary>
public sealed record ConfirmAbortRequest(string RegionId, string ChangeOrderId);

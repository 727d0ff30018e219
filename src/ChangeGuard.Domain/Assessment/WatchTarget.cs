namespace ChangeGuard.Domain.Assessment;

/// <summary>The change order a watch guards.</summary>
public sealed record WatchTarget(string RegionId, string AppId, string ChangeOrderId);

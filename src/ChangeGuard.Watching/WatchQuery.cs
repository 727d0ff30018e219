namespace ChangeGuard.Watching;

/// <summary>Which watches to list: by engine status, a page at a time (top 1 to 100, default 20).</summary>
public sealed record WatchQuery(EngineStatus? Status = null, int Top = 20, string? ContinuationToken = null);

namespace ChangeGuard.Watching;

/// <summary>One page of watches and the token for the next page (null on the last).</summary>
public sealed record WatchPage(IReadOnlyList<WatchView> Watches, string? ContinuationToken);

using ChangeGuard.Core.Health;

namespace ChangeGuard.Core.Activities;

/// <summary>One poll's result: a snapshot or a failure, the group id to cache, and the SAE calls made.</summary>
public sealed record HealthRead(HealthSnapshot? Snapshot, SaeFailure? Failure, string? GroupId, int SaeCalls);

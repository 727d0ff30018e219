using ChangeGuard.Core.Health;

namespace ChangeGuard.Core.Activities;

/// <summary>
/// One poll's result: a snapshot or a failure, the group id to cache, the SAE calls made, and how long to wait
/// before the next poll so that all watches stay within the call budget.
/// </summary>
public sealed record HealthRead(HealthSnapshot? Snapshot, SaeFailure? Failure, string? GroupId, int SaeCalls, TimeSpan? NextPollIn = null);

namespace ChangeGuard.Domain.Health;

/// <summary>One instance as one poll saw it.</summary>
/// <param name="InstanceId">SAE's instance id.</param>
/// <param name="Version">The package version or image it runs.</param>
/// <param name="Condition">What its states amount to.</param>
/// <param name="Restarts">Container restarts since it was created.</param>
/// <param name="CreatedAt">When it was created; instances created after the order started belong to the change.</param>
/// <param name="Detail">SAE's container and probe states and failure text, for evidence.</param>
/// <param name="Batch">The batch (1-based) that created it: the latest batch started by its creation time; null when unknown.</param>
public sealed record InstanceHealth(
    string InstanceId,
    string? Version,
    InstanceCondition Condition,
    long Restarts,
    DateTimeOffset? CreatedAt,
    string? Detail,
    int? Batch = null);

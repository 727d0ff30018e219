namespace ChangeGuard.Domain.Health;

/// <summary>
/// What one poll saw: the order's progress, the instances that belong to the change, and, when a batch failed,
/// SAE's reason. The evaluator decides on this alone.
/// </summary>
/// <param name="ReadAt">When the poll read SAE.</param>
/// <param name="Order">The order's progress.</param>
/// <param name="Instances">Instances created since the order started (the new version, or the current batch).</param>
/// <param name="OtherInstances">How many instances predate the order.</param>
/// <param name="FailureReason">Why a batch failed, from DescribePipeline.</param>
/// <param name="InstancesRead">False when the poll skipped the instance reads (nothing could have changed them).</param>
/// <param name="OrderRead">False when the poll read the instances alone and <paramref name="Order"/> is the order as last read.</param>
public sealed record HealthSnapshot(
    DateTimeOffset ReadAt,
    ChangeOrderProgress Order,
    IReadOnlyList<InstanceHealth> Instances,
    int OtherInstances,
    string? FailureReason,
    bool InstancesRead = true,
    bool OrderRead = true)
{
    /// <summary>The instances' shape in this read: new and old.</summary>
    public InstanceCounts Counts => new(Instances.Count, OtherInstances);
}

namespace ChangeGuard.Domain.Health;

/// <summary>
/// The shape of an app's instances in one read: how many belong to the change (created since the order started) and
/// how many predate it. While it stays the same, the change order has not moved to a new batch, so a poll may read
/// the instances alone; when it changes, the order is read again.
/// </summary>
/// <param name="New">Instances created since the order started.</param>
/// <param name="Old">Instances that predate the order.</param>
public sealed record InstanceCounts(int New, int Old);

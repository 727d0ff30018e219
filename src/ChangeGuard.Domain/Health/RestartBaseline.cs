namespace ChangeGuard.Domain.Health;

/// <summary>
/// Restart counts taken when the watch first saw each instance that existed before the watch started, so restarts
/// from before the watch never count; instances created later start from zero.
/// </summary>
public sealed record RestartBaseline(IReadOnlyDictionary<string, long> Restarts)
{
    /// <summary>No instance seen yet.</summary>
    public static RestartBaseline Empty { get; } = new(new Dictionary<string, long>());

    /// <summary>Restarts an instance made since the watch started.</summary>
    public long Since(InstanceHealth instance) =>
        Math.Max(0, instance.Restarts - (Restarts.TryGetValue(instance.InstanceId, out var start) ? start : 0));

    /// <summary>Adds instances seen for the first time that predate the watch; keeps the rest.</summary>
    public RestartBaseline Observe(IEnumerable<InstanceHealth> instances, DateTimeOffset watchStartedAt)
    {
        Dictionary<string, long>? updated = null;
        foreach (var instance in instances)
        {
            if (Restarts.ContainsKey(instance.InstanceId) || (instance.CreatedAt is { } created && created >= watchStartedAt))
            {
                continue;
            }

            updated ??= new Dictionary<string, long>(Restarts);
            updated[instance.InstanceId] = instance.Restarts;
        }

        return updated is null ? this : new RestartBaseline(updated);
    }
}

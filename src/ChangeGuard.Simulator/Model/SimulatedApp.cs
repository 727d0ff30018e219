using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Model;

/// <summary>An application in the simulated world, with its orders in creation order.</summary>
internal sealed class SimulatedApp(AppDefinition definition, DateTimeOffset createdAt)
{
    public AppDefinition Definition { get; } = definition;

    public string AppId => Definition.AppId;

    public string AppName => Definition.AppName ?? Definition.AppId;

    public string NamespaceId => Definition.NamespaceId ?? $"{Definition.RegionId}:default";

    public string GroupId => $"{Definition.AppId}-default-group";

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public List<SimulatedChangeOrder> Orders { get; } = [];

    /// <summary>When the scenario holding the app loaded: the probe's clock before any order.</summary>
    public DateTimeOffset LoadedAt { get; init; }

    /// <summary>The plain counters of <c>/metrics</c>, integrated scrape by scrape.</summary>
    public RequestCounters Counters { get; } = new();

    /// <summary>The last bodies posted to the probe endpoint, newest last.</summary>
    public List<string> ProbeRequests { get; } = [];

    /// <summary>The app's instances now: the latest order's view, or the base version's.</summary>
    public IReadOnlyList<InstanceState> Instances(DateTimeOffset now)
    {
        var latest = Orders.LastOrDefault();
        var baseVersion = VersionBefore(latest, now);
        if (latest is null)
        {
            return Enumerable.Range(0, Definition.Replicas)
                .Select(slot => new InstanceState($"{AppId}-{baseVersion.Replace('.', '-')}-{slot}", baseVersion, "Running", "Healthy",
                    null, ExistingRestarts(slot), null, CreatedAt, slot))
                .ToArray();
        }

        return latest.Instances(now, baseVersion);
    }

    /// <summary>The restarts an existing instance carried when the scenario started.</summary>
    public long ExistingRestarts(int slot) => Definition.ExistingRestarts.Count switch
    {
        0 => 0,
        1 => Definition.ExistingRestarts[0],
        _ => Definition.ExistingRestarts[slot],
    };

    /// <summary>The version instances run when no order has changed them: the last succeeded order's, else the app's.</summary>
    public string VersionBefore(SimulatedChangeOrder? order, DateTimeOffset now)
    {
        var version = Definition.Version;
        foreach (var previous in Orders)
        {
            if (ReferenceEquals(previous, order))
            {
                break;
            }

            if (previous.Snapshot(now).Status == ChangeGuard.Domain.ChangeOrderStatus.Succeeded)
            {
                version = previous.Definition.Version;
            }
        }

        return version;
    }
}

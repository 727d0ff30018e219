namespace ChangeGuard.Simulator.Scenarios;

/// <summary>One SAE application with its running version and the change orders that run on it.</summary>
public sealed record AppDefinition
{
    /// <summary>The app id.</summary>
    public string AppId { get; init; } = string.Empty;

    /// <summary>The app name; defaults to the id.</summary>
    public string? AppName { get; init; }

    /// <summary>The region the app lives in.</summary>
    public string RegionId { get; init; } = "cn-hangzhou";

    /// <summary>The namespace, such as <c>cn-hangzhou:demo</c>; defaults to <c>{regionId}:default</c>.</summary>
    public string? NamespaceId { get; init; }

    /// <summary>How many instances the app runs.</summary>
    public int Replicas { get; init; } = 4;

    /// <summary>The version running before any change order.</summary>
    public string Version { get; init; } = "1.0.0";

    /// <summary>Restart counts the existing instances already carry (one per instance, or one for all).</summary>
    public IReadOnlyList<long> ExistingRestarts { get; init; } = [];

    /// <summary>The requests the app serves, for its metrics (<c>/metrics</c>).</summary>
    public TrafficDefinition Traffic { get; init; } = new();

    /// <summary>How the app's probe endpoint answers over time; empty answers 200 <c>{"ok":true}</c>.</summary>
    public IReadOnlyList<ProbeAnswerDefinition> Probe { get; init; } = [];

    /// <summary>Change orders on this app; each starts when the scenario loads, after its own delay.</summary>
    public IReadOnlyList<ChangeOrderDefinition> ChangeOrders { get; init; } = [];
}

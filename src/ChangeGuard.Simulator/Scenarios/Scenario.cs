namespace ChangeGuard.Simulator.Scenarios;

/// <summary>
/// A scripted world: applications, the change orders that run on them and how each batch behaves over time,
/// plus the faults SAE should show. Loaded from JSON (see docs/simulator.md).
/// </summary>
public sealed record Scenario
{
    /// <summary>A name to report.</summary>
    public string Name { get; init; } = "unnamed";

    /// <summary>What the scenario shows.</summary>
    public string? Description { get; init; }

    /// <summary>Scenario seconds per real second: 10 plays a ten-minute rollout in one minute.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Seed for every random choice (faults), so a run can be repeated.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// SAE's account-wide limit: calls per minute per AccessKey before <c>Throttling.User</c> (SAE documents about 60);
    /// 0 switches it off.
    /// </summary>
    public int RateLimitPerMinute { get; init; } = DefaultRateLimitPerMinute;

    /// <summary>SAE's documented limit.</summary>
    public const int DefaultRateLimitPerMinute = 60;

    /// <summary>The applications.</summary>
    public IReadOnlyList<AppDefinition> Apps { get; init; } = [];

    /// <summary>Faults SAE shows while this scenario plays.</summary>
    public FaultDefinition Faults { get; init; } = new();

    /// <summary>What the guard is expected to do; read by demos and tests, ignored by the simulator.</summary>
    public string? Expect { get; init; }
}

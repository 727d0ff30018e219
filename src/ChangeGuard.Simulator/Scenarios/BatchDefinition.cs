namespace ChangeGuard.Simulator.Scenarios;

/// <summary>
/// One batch: how many instances it replaces, how long it takes, and how its new instances behave. Every
/// second here counts in scenario seconds from the start of the batch.
/// </summary>
public sealed record BatchDefinition
{
    /// <summary>Instances this batch replaces; 0 spreads the app's replicas evenly over the batches.</summary>
    public int Instances { get; init; }

    /// <summary>Scenario seconds from the batch's start to its end.</summary>
    public double DurationSeconds { get; init; } = 30;

    /// <summary>Health over time; the last phase whose <c>fromSecond</c> has passed applies. Empty: healthy.</summary>
    public IReadOnlyList<HealthPhase> Health { get; init; } = [];

    /// <summary>Error rate and latency of the new instances over time; the last phase reached applies. Empty: the app's.</summary>
    public IReadOnlyList<MetricsPhase> Metrics { get; init; } = [];

    /// <summary>Restarts per minute of each new instance (while it may still report Running).</summary>
    public double RestartsPerMinute { get; init; }

    /// <summary>When the restarts begin.</summary>
    public double RestartsFromSecond { get; init; }

    /// <summary>False: the new version's instances never appear (the old ones are gone).</summary>
    public bool InstancesAppear { get; init; } = true;

    /// <summary>The batch fails at this second; null never.</summary>
    public double? FailAtSecond { get; init; }

    /// <summary>The failed task's code.</summary>
    public string FailureCode { get; init; } = "EDAS-10022";

    /// <summary>The failed task's message.</summary>
    public string FailureMessage { get; init; } = "READINESS check failed at application start";
}

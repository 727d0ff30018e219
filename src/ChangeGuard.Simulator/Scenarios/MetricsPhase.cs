namespace ChangeGuard.Simulator.Scenarios;

/// <summary>From a second of the batch on, the error rate and latency its new instances serve with.</summary>
public sealed record MetricsPhase
{
    /// <summary>Scenario seconds from the batch's start.</summary>
    public double FromSecond { get; init; }

    /// <summary>Share of requests that fail (0 to 1); null keeps the app's.</summary>
    public double? ErrorRate { get; init; }

    /// <summary>Average request latency in milliseconds; null keeps the app's.</summary>
    public double? LatencyMs { get; init; }
}

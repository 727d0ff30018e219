namespace ChangeGuard.Simulator.Scenarios;

/// <summary>
/// The requests an app serves, for its metrics: the rate across all its instances, and the error rate and latency
/// of instances the running change has not replaced (batches set their own with <see cref="MetricsPhase"/>).
/// </summary>
public sealed record TrafficDefinition
{
    /// <summary>Requests per scenario second across the app's instances.</summary>
    public double RequestsPerSecond { get; init; } = 20;

    /// <summary>Share of requests that fail (0 to 1).</summary>
    public double ErrorRate { get; init; } = 0.002;

    /// <summary>Average request latency in milliseconds.</summary>
    public double LatencyMs { get; init; } = 80;

    /// <summary>The ARMS <c>pid</c> label; defaults to <c>{appId}@sim</c>.</summary>
    public string? Pid { get; init; }
}

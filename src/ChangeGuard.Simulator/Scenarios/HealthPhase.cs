namespace ChangeGuard.Simulator.Scenarios;

/// <summary>From a second of the batch on, how many of its new instances are unhealthy and how.</summary>
public sealed record HealthPhase
{
    /// <summary>Scenario seconds from the batch's start.</summary>
    public double FromSecond { get; init; }

    /// <summary>How many of the batch's new instances are unhealthy (the first ones).</summary>
    public int Unhealthy { get; init; }

    /// <summary>The InstanceHealthStatus they report.</summary>
    public string HealthStatus { get; init; } = "ReadinessUnhealthy";

    /// <summary>The InstanceContainerStatus they report.</summary>
    public string ContainerStatus { get; init; } = "Running";

    /// <summary>The UnhealthyMessage they report.</summary>
    public string? Message { get; init; } = "Readiness probe failed: HTTP probe failed with statuscode: 503";
}

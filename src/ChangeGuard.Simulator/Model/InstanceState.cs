using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Model;

/// <summary>One instance as the simulator shows it at a moment; <c>Metrics</c> is its batch's phase, null for the app's traffic.</summary>
internal sealed record InstanceState(
    string InstanceId,
    string Version,
    string ContainerStatus,
    string HealthStatus,
    string? UnhealthyMessage,
    long Restarts,
    string? PipelineId,
    DateTimeOffset CreatedAt,
    int Slot,
    MetricsPhase? Metrics = null);

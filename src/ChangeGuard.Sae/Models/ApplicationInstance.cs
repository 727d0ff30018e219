using System.Text.Json.Serialization;
using ChangeGuard.Sae.Wire.Json;

namespace ChangeGuard.Sae.Models;

/// <summary>One instance from DescribeApplicationInstances, in SAE's field names.</summary>
public sealed record ApplicationInstance
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; init; } = string.Empty;

    /// <summary>The group.</summary>
    public string? GroupId { get; init; }

    /// <summary>Container state: <c>Running</c>, <c>CrashLoopBackOff</c>, <c>Pending</c>, ... (open set).</summary>
    public string? InstanceContainerStatus { get; init; }

    /// <summary>Probe state: <c>Healthy</c>, <c>ReadinessUnhealthy</c>, <c>NotCheckedYet</c>, ... (open set).</summary>
    public string? InstanceHealthStatus { get; init; }

    /// <summary>The probe failure text.</summary>
    public string? UnhealthyMessage { get; init; }

    /// <summary>Container restarts since the instance was created.</summary>
    public long InstanceContainerRestarts { get; init; }

    /// <summary>The version the instance runs.</summary>
    public string? PackageVersion { get; init; }

    /// <summary>The image the instance runs.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The instance's IP.</summary>
    public string? InstanceContainerIp { get; init; }

    /// <summary>When the instance was created.</summary>
    [JsonConverter(typeof(SaeTimestampConverter))]
    public DateTimeOffset? CreateTimeStamp { get; init; }

    /// <summary>Traffic state.</summary>
    public string? TrafficStatus { get; init; }
}

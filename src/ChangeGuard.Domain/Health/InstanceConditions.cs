namespace ChangeGuard.Domain.Health;

/// <summary>Turns SAE's open sets of container and probe states into an <see cref="InstanceCondition"/>.</summary>
public static class InstanceConditions
{
    private static readonly HashSet<string> CrashStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError", "InvalidImageName", "OOMKilled",
    };

    private static readonly HashSet<string> StartingStates = new(StringComparer.OrdinalIgnoreCase)
    {
        "Pending", "PodInitializing", "ContainerCreating", "Init:0/1",
    };

    private static readonly HashSet<string> PassingProbes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Healthy", "WithoutHealthCheckConfig", "WithoutLivenessConfig", "WithoutReadinessConfig",
    };

    /// <summary>Classifies one instance from its <c>InstanceContainerStatus</c> and <c>InstanceHealthStatus</c>.</summary>
    public static InstanceCondition Classify(string? containerStatus, string? healthStatus)
    {
        if (containerStatus is not null && CrashStates.Contains(containerStatus))
        {
            return InstanceCondition.CrashLooping;
        }

        if (containerStatus is null || StartingStates.Contains(containerStatus) || containerStatus.StartsWith("Init:", StringComparison.OrdinalIgnoreCase))
        {
            return InstanceCondition.Starting;
        }

        if (!string.Equals(containerStatus, "Running", StringComparison.OrdinalIgnoreCase))
        {
            return InstanceCondition.Unavailable;
        }

        if (healthStatus is null || string.Equals(healthStatus, "NotCheckedYet", StringComparison.OrdinalIgnoreCase))
        {
            return InstanceCondition.Starting;
        }

        return PassingProbes.Contains(healthStatus) ? InstanceCondition.Healthy : InstanceCondition.Unavailable;
    }
}

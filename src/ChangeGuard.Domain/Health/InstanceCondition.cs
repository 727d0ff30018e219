namespace ChangeGuard.Domain.Health;

/// <summary>What one instance's container and probe states amount to, in ChangeGuard's terms.</summary>
public enum InstanceCondition
{
    /// <summary>Running and its probes pass (or it has none).</summary>
    Healthy,

    /// <summary>Scheduled or initialising, or its probes have not run yet: not judged as bad yet.</summary>
    Starting,

    /// <summary>Running but a probe fails, or stopped with an error.</summary>
    Unavailable,

    /// <summary>Crash-looping or unable to pull its image: a critical signal.</summary>
    CrashLooping,
}

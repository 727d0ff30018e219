namespace ChangeGuard.Watching;

/// <summary>The engine's view of a watch, in ChangeGuard's own enum so hosts need not know Durable's.</summary>
public enum EngineStatus
{
    /// <summary>Scheduled, not yet run.</summary>
    Pending,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Ended with a result.</summary>
    Completed,

    /// <summary>The orchestration failed (a bug, not a verdict).</summary>
    Failed,

    /// <summary>Terminated from outside.</summary>
    Terminated,

    /// <summary>Suspended.</summary>
    Suspended,
}

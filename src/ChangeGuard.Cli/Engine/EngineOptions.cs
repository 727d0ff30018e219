namespace ChangeGuard.Cli.Engine;

/// <summary>
/// The embedded engine's settings (section <c>ChangeGuard:Engine</c>). The sidecar pauses 500 ms whenever as many
/// work items are in flight as the limit allows, so the limit must stay above what is ever in flight at once; each
/// poll needs two orchestration items and one activity item, each out for a few milliseconds.
/// </summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChangeGuard:Engine";

    /// <summary>The default limit; it held 6,000 watches at a 5 s interval on two cores (docs/engine-performance.md).</summary>
    public const int DefaultWorkItemConcurrency = 1000;

    /// <summary>The largest accepted limit.</summary>
    public const int MaxWorkItemConcurrency = 100_000;

    /// <summary>Orchestration work items and activity work items the engine runs at once, each (1 to 100,000).</summary>
    public int WorkItemConcurrency { get; set; } = DefaultWorkItemConcurrency;
}

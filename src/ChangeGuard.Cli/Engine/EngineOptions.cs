namespace ChangeGuard.Cli.Engine;

/// <summary>
/// The embedded engine's settings (section <c>ChangeGuard:Engine</c>). The in-memory Durable Task service runs only
/// as many work items at once as it is allowed, and every watch needs one per poll for its orchestration and one for
/// its read; the limit must be at least about twice the polls per second (2 × watches / interval in seconds).
/// </summary>
public sealed class EngineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChangeGuard:Engine";

    /// <summary>The default limit: room for 2,500 watches at a 5 s interval.</summary>
    public const int DefaultWorkItemConcurrency = 1000;

    /// <summary>The largest accepted limit.</summary>
    public const int MaxWorkItemConcurrency = 100_000;

    /// <summary>Orchestration work items and activity work items the engine runs at once, each (1 to 100,000).</summary>
    public int WorkItemConcurrency { get; set; } = DefaultWorkItemConcurrency;
}

using ChangeGuard.Domain;

namespace ChangeGuard.Hosting;

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

    /// <summary>The default task hub: the one the Functions app's host.json names.</summary>
    public const string DefaultTaskHub = "ChangeGuard";

    /// <summary>Orchestration work items and activity work items the engine runs at once, each (1 to 100,000).</summary>
    public int WorkItemConcurrency { get; set; } = DefaultWorkItemConcurrency;

    /// <summary>Where watches are kept; <see cref="EngineStore.Memory"/> unless set.</summary>
    public EngineStore Store { get; set; } = EngineStore.Memory;

    /// <summary>
    /// The Azure Storage connection string for <see cref="EngineStore.AzureStorage"/> (<c>UseDevelopmentStorage=true</c>
    /// for Azurite). A secret: it is never logged or echoed; when empty, <c>AzureWebJobsStorage</c> is used.
    /// </summary>
    public string? StorageConnection { get; set; }

    /// <summary>The task hub: tables, queues and blobs are named after it; processes sharing it share the watches.</summary>
    public string TaskHub { get; set; } = DefaultTaskHub;

    /// <summary>
    /// This process's name among those on the task hub. It must stay the same across restarts (a new one waits for
    /// the old one's partition leases to expire) and differ between processes that run at once; the machine name
    /// unless set.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>
    /// The longest pause between reads of an idle queue. Azure Storage's own default (30 s) would let a watch's
    /// timer message wait that long; ChangeGuard's default matches its host.json (2 s).
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a message taken from a queue stays hidden from other readers. A process that dies holding one leaves
    /// that watch waiting this long before the message is read again (Azure Storage's own default is 5 minutes); a
    /// message held longer than this while still in work is read twice, which ChangeGuard's idempotent activities
    /// tolerate. Its polls and aborts take seconds.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The problems with these settings, each naming its setting (never its value).</summary>
    public IEnumerable<ValidationError> Validate() => EngineOptionsChecks.Validate(this);
}

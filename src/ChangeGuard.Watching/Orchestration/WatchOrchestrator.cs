using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Orchestration;

/// <summary>
/// The durable watch over one change order: reads, assesses (with <see cref="Assessment.Assessor"/>), acts and waits on
/// durable timers, aborts with idempotent retries, and continues as new every
/// <see cref="WatchInput.PollsPerGeneration"/> polls so its history stays bounded. Deterministic: the only clock is the
/// context's, the only randomness its <c>NewGuid</c>, and all I/O happens in activities.
/// </summary>
[DurableTask(nameof(WatchOrchestrator))]
public sealed class WatchOrchestrator : TaskOrchestrator<WatchInput, WatchResult>
{
    /// <inheritdoc />
    public override Task<WatchResult> RunAsync(TaskOrchestrationContext context, WatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new WatchRun(context, input).ExecuteAsync();
    }
}

using Microsoft.DurableTask;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>Where a bare loop is: its interval, polls per generation and polls so far (carried across ContinueAsNew).</summary>
/// <param name="Interval">Time between polls.</param>
/// <param name="PollsPerGeneration">Polls before ContinueAsNew, as the watch does.</param>
/// <param name="Polls">Polls so far.</param>
public sealed record BareLoopInput(TimeSpan Interval, int PollsPerGeneration, int Polls = 0);

/// <summary>
/// The engine floor: the watch's skeleton (an activity, then a durable timer, ContinueAsNew every generation) with
/// a no-op activity and no decision, status or event handling, so the difference to a real watch is ChangeGuard's.
/// </summary>
[DurableTask(nameof(BareLoopOrchestrator))]
public sealed class BareLoopOrchestrator : TaskOrchestrator<BareLoopInput, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskOrchestrationContext context, BareLoopInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var due = context.CurrentUtcDateTime;
        for (var poll = 0; poll < input.PollsPerGeneration; poll++)
        {
            await context.CallActivityAsync(nameof(NoOpActivity), due);
            due = context.CurrentUtcDateTime + input.Interval;
            await context.CreateTimer(due, CancellationToken.None);
        }

        context.ContinueAsNew(input with { Polls = input.Polls + input.PollsPerGeneration });
        return input.Polls;
    }
}

using ChangeGuard.Core.Budget;
using ChangeGuard.Sae.Budget;
using ChangeGuard.Sae.Models.ChangeOrders;
using Microsoft.DurableTask;

namespace ChangeGuard.Core.Activities;

/// <summary>
/// The activity a watch calls each poll: reads SAE (so running it twice is harmless) at the watch's priority, and
/// asks the <see cref="PollPlanner"/> how long to wait before the next poll.
/// </summary>
[DurableTask(nameof(ReadHealthActivity))]
public sealed class ReadHealthActivity(HealthReader reader, PollPlanner planner, TimeProvider time) : TaskActivity<ReadHealthRequest, HealthRead>
{
    /// <inheritdoc />
    public override async Task<HealthRead> RunAsync(TaskActivityContext context, ReadHealthRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        HealthRead read;
        using (SaeCallScope.With(input.Elevated ? SaeCallPriority.Elevated : SaeCallPriority.Normal))
        {
            read = await reader.ReadAsync(input).ConfigureAwait(false);
        }

        if (read.Snapshot?.Order.Status.IsTerminal() == true)
        {
            planner.Forget(input.ChangeOrderId);
            return read;
        }

        var elevated = input.Elevated || read.Failure is not null || BatchJustStarted(read, input.PollInterval);
        return read with { NextPollIn = planner.Advise(input.ChangeOrderId, input.PollInterval, elevated, Math.Max(read.SaeCalls, 2)) };
    }

    private bool BatchJustStarted(HealthRead read, TimeSpan interval)
    {
        var started = read.Snapshot?.Order.CurrentBatchStartedAt;
        var window = interval * 2 > TimeSpan.FromMinutes(1) ? interval * 2 : TimeSpan.FromMinutes(1);
        return started is { } at && time.GetUtcNow() - at < window;
    }
}

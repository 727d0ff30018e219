using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Watching.Planning;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// The activity that makes one abort attempt; the orchestration owns the retries. A watch that aborts polls no more,
/// so the call budget's planner stops counting its demand at once.
/// </summary>
[DurableTask(nameof(AbortChangeOrderActivity))]
public sealed class AbortChangeOrderActivity(ChangeOrderAborter aborter, PollPlanner? planner = null) : TaskActivity<AbortChangeOrderRequest, AbortChangeOrderResult>
{
    /// <inheritdoc />
    public override Task<AbortChangeOrderResult> RunAsync(TaskActivityContext context, AbortChangeOrderRequest input) => RunAsync(input);

    /// <summary>Makes the attempt; every host's activity calls this.</summary>
    public async Task<AbortChangeOrderResult> RunAsync(AbortChangeOrderRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        planner?.Forget(input.ChangeOrderId);
        var attempt = await aborter.AbortAsync(input).ConfigureAwait(false);
        ChangeGuardTelemetry.AbortAttempts.Add(1, new KeyValuePair<string, object?>("answer", attempt.Answer.ToString()));
        return new(attempt);
    }
}

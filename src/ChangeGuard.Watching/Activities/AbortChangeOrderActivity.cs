using ChangeGuard.Domain.Telemetry;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>The activity that makes one abort attempt; the orchestration owns the retries.</summary>
[DurableTask(nameof(AbortChangeOrderActivity))]
public sealed class AbortChangeOrderActivity(ChangeOrderAborter aborter) : TaskActivity<AbortChangeOrderRequest, AbortChangeOrderResult>
{
    /// <inheritdoc />
    public override Task<AbortChangeOrderResult> RunAsync(TaskActivityContext context, AbortChangeOrderRequest input) => RunAsync(input);

    /// <summary>Makes the attempt; every host's activity calls this.</summary>
    public async Task<AbortChangeOrderResult> RunAsync(AbortChangeOrderRequest input)
    {
        var attempt = await aborter.AbortAsync(input).ConfigureAwait(false);
        ChangeGuardTelemetry.AbortAttempts.Add(1, new KeyValuePair<string, object?>("answer", attempt.Answer.ToString()));
        return new(attempt);
    }
}

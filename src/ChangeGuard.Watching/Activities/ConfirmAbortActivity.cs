using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Quota;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>Reads an order's status after an accepted abort, to confirm it reached a terminal status.</summary>
[DurableTask(nameof(ConfirmAbortActivity))]
public sealed class ConfirmAbortActivity(ISaeClient sae) : TaskActivity<ConfirmAbortRequest, ConfirmAbortResult>
{
    /// <inheritdoc />
    public override Task<ConfirmAbortResult> RunAsync(TaskActivityContext context, ConfirmAbortRequest input) => RunAsync(input);

    /// <summary>Reads the order once; every host's activity calls this.</summary>
    public async Task<ConfirmAbortResult> RunAsync(ConfirmAbortRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var priority = SaeCallScope.With(SaeCallPriority.Abort);
        try
        {
            var order = await sae.DescribeChangeOrderAsync(input.RegionId, input.ChangeOrderId).ConfigureAwait(false);
            return new ConfirmAbortResult(order.Status, null);
        }
        catch (SaeException ex)
        {
            return new ConfirmAbortResult(null, SaeFailures.From(ex));
        }
    }
}

using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae.Budget;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae;
using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>Reads an order's status after an accepted abort, to confirm it reached a terminal status.</summary>
[DurableTask(nameof(ConfirmAbortActivity))]
public sealed class ConfirmAbortActivity(ISaeClient sae) : TaskActivity<OrderStatusRequest, OrderStatusRead>
{
    /// <inheritdoc />
    public override async Task<OrderStatusRead> RunAsync(TaskActivityContext context, OrderStatusRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var priority = SaeCallScope.With(SaeCallPriority.Abort);
        try
        {
            var order = await sae.DescribeChangeOrderAsync(input.RegionId, input.ChangeOrderId).ConfigureAwait(false);
            return new OrderStatusRead(order.Status, null);
        }
        catch (SaeException ex)
        {
            return new OrderStatusRead(null, SaeFailures.From(ex));
        }
    }
}

using Microsoft.DurableTask;

namespace ChangeGuard.Watching.Activities;

/// <summary>The activity that makes one attempt to confirm a waiting batch; the promotion gate decides when, the orchestration records the answer.</summary>
[DurableTask(nameof(PromoteBatchActivity))]
public sealed class PromoteBatchActivity(BatchPromoter promoter) : TaskActivity<PromoteBatchRequest, PromoteBatchResult>
{
    /// <inheritdoc />
    public override Task<PromoteBatchResult> RunAsync(TaskActivityContext context, PromoteBatchRequest input) => RunAsync(input);

    /// <summary>Makes the attempt; every host's activity calls this.</summary>
    public async Task<PromoteBatchResult> RunAsync(PromoteBatchRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(await promoter.PromoteAsync(input).ConfigureAwait(false));
    }
}

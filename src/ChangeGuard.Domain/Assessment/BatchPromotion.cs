namespace ChangeGuard.Domain.Assessment;

/// <summary>The batch a <see cref="WatchAction.Promote"/> step confirms.</summary>
/// <param name="PipelineId">SAE's id of the batch, as ConfirmPipelineBatch takes it; empty when only its number is known (a person's promotion before the watch saw the order wait).</param>
/// <param name="Batch">The batch (1-based).</param>
/// <param name="BatchCount">How many batches the order has.</param>
public sealed record BatchPromotion(string PipelineId, int Batch, int BatchCount);

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// One attempt to confirm a waiting batch: which order and which batch, by SAE's pipeline id, or, when that is empty
/// (a person's promotion before the watch has seen the order wait), by its number: only while the order waits for
/// batch <see cref="Batch"/> is it confirmed, so a late redelivery never confirms the batch after it.
/// </summary>
public sealed record PromoteBatchRequest(string RegionId, string ChangeOrderId, string PipelineId, int Batch);

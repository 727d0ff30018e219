namespace ChangeGuard.Watching.Activities;

/// <summary>One attempt to confirm a waiting batch: which order, which batch (SAE's pipeline id) and its number, for logs.</summary>
public sealed record PromoteBatchRequest(string RegionId, string ChangeOrderId, string PipelineId, int Batch);

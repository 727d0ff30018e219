namespace ChangeGuard.Domain.Assessment;

/// <summary>One batch the promotion gate acted on: which, when, and how it ended.</summary>
/// <param name="Batch">The batch confirmed (1-based).</param>
/// <param name="BatchCount">How many batches the order has.</param>
/// <param name="PipelineId">SAE's id of the batch.</param>
/// <param name="At">When.</param>
/// <param name="Result">How it ended.</param>
public sealed record Promotion(int Batch, int BatchCount, string PipelineId, DateTimeOffset At, PromotionResult Result);

namespace ChangeGuard.Domain.Health;

/// <summary>Where the change order stands: status, SubStatus and its batches.</summary>
/// <param name="Status">The order's status.</param>
/// <param name="SubStatus">Abnormal when a batch failed and SAE waits for a manual rollback.</param>
/// <param name="CurrentBatch">The batch running or next (1-based), 0 before any.</param>
/// <param name="BatchCount">How many batches the order has.</param>
/// <param name="FailedBatch">The first failed batch (1-based), when one failed.</param>
/// <param name="StartedAt">When the order was created.</param>
/// <param name="AnyBatchStarted">True once a batch has started, so instance data is expected.</param>
/// <param name="CurrentBatchStartedAt">When the current batch started: a batch that just started is the riskiest phase.</param>
/// <param name="AppName">The app's name, for people reading a notification.</param>
/// <param name="AppId">The app the order belongs to, as SAE says: a watch asked for another app must not act on it.</param>
/// <param name="BatchStarts">When each batch started (null: not yet), to place a new instance in the batch that created it
/// on a poll that reads the instances alone.</param>
/// <param name="CurrentPipelineId">SAE's id of the current batch: at status 8, the batch waiting to be confirmed.</param>
/// <param name="ManualBatches">Whether each batch after the first waits for a confirm (SAE's <c>BatchType</c> manual).</param>
public sealed record ChangeOrderProgress(
    ChangeOrderStatus Status,
    ChangeOrderSubStatus SubStatus,
    int CurrentBatch,
    int BatchCount,
    int? FailedBatch,
    DateTimeOffset? StartedAt,
    bool AnyBatchStarted,
    DateTimeOffset? CurrentBatchStartedAt = null,
    string? AppName = null,
    string? AppId = null,
    IReadOnlyList<DateTimeOffset?>? BatchStarts = null,
    string? CurrentPipelineId = null,
    bool ManualBatches = false)
{
    /// <summary>Whether the instances are worth reading: a batch has started, the order is not over and not waiting for approval.</summary>
    public bool NeedsInstances => AnyBatchStarted && !Status.IsTerminal() && Status != ChangeOrderStatus.WaitingForApproval;
}

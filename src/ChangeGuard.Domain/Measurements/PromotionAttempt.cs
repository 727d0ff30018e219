namespace ChangeGuard.Domain.Measurements;

/// <summary>One attempt to confirm a waiting batch, as data: SAE's answer and the order as read around it.</summary>
/// <param name="Answer">What the attempt amounts to.</param>
/// <param name="OrderStatus">The order's status as last read; null when it could not be read.</param>
/// <param name="WaitingPipelineId">The batch the order waited for when read, if it waited for one.</param>
/// <param name="Failure">SAE's error, when a call failed.</param>
/// <param name="RequestId">SAE's request id of the accepted confirm.</param>
/// <param name="SaeCalls">SAE calls the attempt made.</param>
/// <param name="CurrentBatch">The order's current batch (1-based) as last read: tells "not waiting yet" from "already started".</param>
public sealed record PromotionAttempt(
    PromotionAnswer Answer,
    ChangeOrderStatus? OrderStatus,
    string? WaitingPipelineId,
    SaeFailure? Failure,
    string? RequestId,
    int SaeCalls,
    int? CurrentBatch = null);

namespace ChangeGuard.Domain.Measurements;

/// <summary>
/// One abort attempt as data: SAE's answer and, when the answer alone does not say whether the abort took effect
/// (<see cref="AbortAnswer.NotRunning"/>, <see cref="AbortAnswer.Unclear"/>), the order's status read right after it.
/// </summary>
/// <param name="Answer">What SAE answered.</param>
/// <param name="OrderStatus">The order's status read after an unclear answer; null when not read or unreadable.</param>
/// <param name="Failure">SAE's error, when the answer was not a success.</param>
/// <param name="RequestId">SAE's request id of the abort.</param>
/// <param name="SaeCalls">SAE calls the attempt made.</param>
public sealed record AbortAttempt(AbortAnswer Answer, ChangeOrderStatus? OrderStatus, SaeFailure? Failure, string? RequestId, int SaeCalls);

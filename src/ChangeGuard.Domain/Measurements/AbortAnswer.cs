namespace ChangeGuard.Domain.Measurements;

/// <summary>What SAE answered to one AbortChangeOrder, in the classes that decide what the watch does next.</summary>
public enum AbortAnswer
{
    /// <summary>A clear success: SAE's envelope said the abort was taken.</summary>
    Accepted,

    /// <summary><c>Application.ChangerOrder.Not.Running</c>: the order reads in <see cref="AbortAttempt.OrderStatus"/>.</summary>
    NotRunning,

    /// <summary><c>Application.ChangerOrderRunning</c>: another change is in progress; the abort was not taken.</summary>
    Busy,

    /// <summary>Throttled: the abort was not taken.</summary>
    Throttled,

    /// <summary>A clear permanent refusal (no permission, not found, invalid, credentials): trying again will not help.</summary>
    Refused,

    /// <summary>
    /// Neither a clear success nor a clear refusal: no answer, a 5xx, a malformed answer, an error code in a 200, a
    /// resent request's <c>SignatureNonceUsed</c>. The abort may have been applied: the order was read to know.
    /// </summary>
    Unclear,
}

namespace ChangeGuard.Domain.Measurements;

/// <summary>What one attempt to confirm a waiting batch got from SAE, in the classes that decide what the watch does next.</summary>
public enum PromotionAnswer
{
    /// <summary>SAE accepted ConfirmPipelineBatch: the batch starts.</summary>
    Confirmed,

    /// <summary>
    /// The order no longer waits for that batch (someone confirmed it, an earlier delivery of this confirm did, or the
    /// order ended), read before confirming or after a refused confirm: nothing was confirmed twice.
    /// </summary>
    NotWaiting,

    /// <summary>Throttled, a 5xx, no answer, or the order could not be read: the watch tries again on a later poll.</summary>
    Retry,

    /// <summary>A permanent refusal (no permission, credentials): the batch is left for a person.</summary>
    Refused,
}

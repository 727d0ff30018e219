namespace ChangeGuard.Domain.Assessment;

/// <summary>What one abort attempt amounts to, read from the answer and, where it is unclear, from the order.</summary>
public enum AbortVerdict
{
    /// <summary>SAE accepted the abort: confirm that the order reaches a terminal status.</summary>
    Accepted,

    /// <summary>The answer did not say so, but the order reads terminated (status 6) after our attempt: we aborted it.</summary>
    Applied,

    /// <summary>The order had ended otherwise (succeeded or failed) before the abort could apply.</summary>
    AlreadyEnded,

    /// <summary>The abort did not take effect (busy, throttled, or unclear with the order still running): try again.</summary>
    Retry,

    /// <summary>A permanent refusal: the abort cannot be made.</summary>
    Refused,
}

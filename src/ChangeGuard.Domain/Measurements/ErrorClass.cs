namespace ChangeGuard.Domain.Measurements;

/// <summary>
/// How a source that could not be read counts. Only transient blindness counts toward a watch's error limit; a
/// permanent refusal ends the watch without touching the order, because retrying or aborting cannot fix a typo.
/// </summary>
public enum ErrorClass
{
    /// <summary>Timeouts, 5xx, throttling, malformed answers: reading again may work.</summary>
    Transient,

    /// <summary>Not found, no permission to read, an invalid parameter or credential: reading again will not help.</summary>
    Permanent,
}

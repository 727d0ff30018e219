namespace ChangeGuard.Notifications.Delivery;

/// <summary>What one POST's answer means.</summary>
public enum SendVerdict
{
    /// <summary>The receiver took the message.</summary>
    Sent,

    /// <summary>Throttled (429), a server error, a timeout or a network error: try again after a while.</summary>
    Retry,

    /// <summary>Refused (bad URL, bad signature, bad payload): trying again will not help.</summary>
    Failed,
}

/// <summary>One POST's classified answer: the verdict, a short code for the timeline, and any Retry-After.</summary>
/// <param name="Verdict">Sent, retry or failed.</param>
/// <param name="Code">Such as <c>http 200</c>, <c>http 429</c>, <c>dingtalk errcode 310000</c>, <c>timeout</c>; never a URL or a body.</param>
/// <param name="RetryAfter">How long the receiver asked to wait, when it did.</param>
public sealed record SendAttempt(SendVerdict Verdict, string Code, TimeSpan? RetryAfter = null);

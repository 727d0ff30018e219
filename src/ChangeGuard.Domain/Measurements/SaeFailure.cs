namespace ChangeGuard.Domain.Measurements;

/// <summary>
/// A failed SAE call as data: SAE's code and message, its request id, and how long it asked the caller to wait. Carries
/// no secret. The SAE client's classes of failure stay at its boundary; what a failure means for a watch is already in
/// the answer or measurement that carries it.
/// </summary>
public sealed record SaeFailure(string? Code, string Message, string? RequestId, TimeSpan? RetryAfter)
{
    /// <summary>One line: code and message.</summary>
    public override string ToString() => $"{Code ?? "error"}: {Message}";
}

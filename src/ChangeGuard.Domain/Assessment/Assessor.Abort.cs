using ChangeGuard.Domain.Measurements;

namespace ChangeGuard.Domain.Assessment;

/// <summary>An abort's outcome, read from the answer where it is clear and from the order where it is not.</summary>
public static partial class Assessor
{
    /// <summary>
    /// What one abort attempt amounts to. A clear success is accepted and a clear permanent refusal is final. After any
    /// other answer (not running, no answer, a malformed answer, an error code in a 200, a resent request's
    /// <c>SignatureNonceUsed</c>) the order's status decides: terminated (6) after our attempt means we aborted it,
    /// another terminal status means it ended otherwise, still running (or unreadable) means try again.
    /// </summary>
    public static AbortVerdict JudgeAbort(AbortAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return attempt.Answer switch
        {
            AbortAnswer.Accepted => AbortVerdict.Accepted,
            AbortAnswer.Refused => AbortVerdict.Refused,
            AbortAnswer.Busy or AbortAnswer.Throttled => AbortVerdict.Retry,
            _ => attempt.OrderStatus switch
            {
                ChangeOrderStatus.Aborted => AbortVerdict.Applied,
                { } status when status.IsTerminal() => AbortVerdict.AlreadyEnded,
                _ => AbortVerdict.Retry,
            },
        };
    }
}

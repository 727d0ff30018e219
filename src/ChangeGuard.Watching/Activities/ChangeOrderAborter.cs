using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Quota;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// Sends one AbortChangeOrder and reports what SAE now says: the answer's class and, when the answer alone does not
/// tell whether the abort took effect (not running, no answer, a malformed answer, an error code in a 200, a resent
/// request), the order's status read right after. Idempotent: running it again reads the order again.
/// </summary>
public sealed partial class ChangeOrderAborter(ISaeClient sae, ILogger<ChangeOrderAborter> logger)
{
    /// <summary>Makes one attempt.</summary>
    public async Task<AbortAttempt> AbortAsync(AbortChangeOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var priority = SaeCallScope.With(SaeCallPriority.Abort);
        try
        {
            var result = await sae.AbortChangeOrderAsync(request.RegionId, request.ChangeOrderId, request.Rollback, cancellationToken).ConfigureAwait(false);
            LogAccepted(logger, request.ChangeOrderId, request.Attempt, request.Rollback, result.RequestId);
            return new AbortAttempt(AbortAnswer.Accepted, null, null, result.RequestId, 1);
        }
        catch (SaeException ex)
        {
            var answer = AnswerOf(ex.Kind);
            LogAnswered(logger, request.ChangeOrderId, request.Attempt, answer, ex.Kind, ex.Code);
            if (answer is not (AbortAnswer.NotRunning or AbortAnswer.Unclear))
            {
                return new AbortAttempt(answer, null, SaeFailures.From(ex), ex.RequestId, 1);
            }

            var status = await ReadStatusAsync(request, cancellationToken).ConfigureAwait(false);
            return new AbortAttempt(answer, status, SaeFailures.From(ex), ex.RequestId, 2);
        }
        catch (SaeConfigurationException ex)
        {
            return new AbortAttempt(AbortAnswer.Refused, null, SaeFailures.From(ex), null, 0);
        }
    }

    /// <summary>The class of an abort's failed answer: clear ones as they are, anything else unclear.</summary>
    public static AbortAnswer AnswerOf(SaeErrorKind kind) => kind switch
    {
        SaeErrorKind.NotRunning => AbortAnswer.NotRunning,
        SaeErrorKind.ChangeInProgress => AbortAnswer.Busy,
        SaeErrorKind.Throttled => AbortAnswer.Throttled,
        _ when SaeErrorClassifier.IsPermanent(kind) => AbortAnswer.Refused,
        _ => AbortAnswer.Unclear,
    };

    private async Task<ChangeOrderStatus?> ReadStatusAsync(AbortChangeOrderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var order = await sae.DescribeChangeOrderAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            return order.Status;
        }
        catch (SaeException)
        {
            // Unreadable: the orchestration tries the abort again, which reads again if it is still unclear.
            return null;
        }
    }

    [LoggerMessage(EventId = LogEvents.AbortAccepted, Level = LogLevel.Information, Message = "Abort of change order {ChangeOrderId} accepted (attempt {Attempt}, rollback {Rollback}, request id {RequestId})")]
    private static partial void LogAccepted(ILogger logger, string changeOrderId, int attempt, bool rollback, string? requestId);

    [LoggerMessage(EventId = LogEvents.AbortAnswered, Level = LogLevel.Warning, Message = "Abort of change order {ChangeOrderId} answered {Answer}: {Kind} {Code} (attempt {Attempt})")]
    private static partial void LogAnswered(ILogger logger, string changeOrderId, int attempt, AbortAnswer answer, SaeErrorKind kind, string? code);
}

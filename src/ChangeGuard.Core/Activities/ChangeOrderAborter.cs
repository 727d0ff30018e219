using ChangeGuard.Sae;
using ChangeGuard.Sae.Budget;
using ChangeGuard.Sae.Errors;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Core.Activities;

/// <summary>
/// Sends one AbortChangeOrder and classifies the answer. Idempotent: if a redelivered attempt meets
/// <c>Application.ChangerOrder.Not.Running</c>, it reads the order and reports where it stands.
/// </summary>
public sealed partial class ChangeOrderAborter(ISaeClient sae, ILogger<ChangeOrderAborter> logger)
{
    /// <summary>Makes one attempt.</summary>
    public async Task<AbortAttempt> AbortAsync(AbortRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var priority = SaeCallScope.With(SaeCallPriority.Abort);
        try
        {
            var result = await sae.AbortChangeOrderAsync(request.RegionId, request.ChangeOrderId, request.Rollback, cancellationToken).ConfigureAwait(false);
            LogAccepted(logger, request.ChangeOrderId, request.Attempt, request.Rollback, result.RequestId);
            return new AbortAttempt(AbortAttemptOutcome.Accepted, null, null, result.RequestId, 1);
        }
        catch (SaeException ex) when (ex.Kind == SaeErrorKind.NotRunning)
        {
            LogNotRunning(logger, request.ChangeOrderId, request.Attempt);
            try
            {
                var order = await sae.DescribeChangeOrderAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
                return new AbortAttempt(AbortAttemptOutcome.NotRunning, order.Status, SaeFailure.From(ex), ex.RequestId, 2);
            }
            catch (SaeException read)
            {
                return new AbortAttempt(AbortAttemptOutcome.NotRunning, null, SaeFailure.From(read), ex.RequestId, 2);
            }
        }
        catch (SaeException ex)
        {
            var outcome = ex.Kind is SaeErrorKind.ChangeInProgress or SaeErrorKind.Throttled or SaeErrorKind.Transient
                ? AbortAttemptOutcome.Retry
                : AbortAttemptOutcome.Fatal;
            LogFailed(logger, request.ChangeOrderId, request.Attempt, ex.Kind, ex.Code);
            return new AbortAttempt(outcome, null, SaeFailure.From(ex), ex.RequestId, 1);
        }
        catch (SaeConfigurationException ex)
        {
            return new AbortAttempt(AbortAttemptOutcome.Fatal, null, SaeFailure.From(ex), null, 0);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Abort of change order {ChangeOrderId} accepted (attempt {Attempt}, rollback {Rollback}, request id {RequestId})")]
    private static partial void LogAccepted(ILogger logger, string changeOrderId, int attempt, bool rollback, string? requestId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Change order {ChangeOrderId} is not running (abort attempt {Attempt})")]
    private static partial void LogNotRunning(ILogger logger, string changeOrderId, int attempt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Abort of change order {ChangeOrderId} failed with {Kind} {Code} (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, string changeOrderId, int attempt, SaeErrorKind kind, string? code);
}

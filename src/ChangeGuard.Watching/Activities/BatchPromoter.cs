using ChangeGuard.Domain;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;
using ChangeGuard.Sae.Quota;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Watching.Activities;

/// <summary>
/// Confirms a waiting batch of a manual release, once. ConfirmPipelineBatch is a GET that changes state, so it is never
/// sent blind: the order is read first and the batch confirmed only while the order still waits for it (status 8, that
/// pipeline). A redelivered attempt, or one that lost the race to a person, finds the order moved on and confirms
/// nothing; a confirm SAE refuses is followed by a read that says whether someone else's got there first.
/// </summary>
public sealed partial class BatchPromoter(ISaeClient sae, ILogger<BatchPromoter> logger)
{
    /// <summary>Makes one attempt.</summary>
    public async Task<PromotionAttempt> PromoteAsync(PromoteBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var priority = SaeCallScope.With(SaeCallPriority.Elevated);
        var calls = 0;
        try
        {
            calls++;
            var before = await sae.DescribeChangeOrderAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            if (!WaitsFor(before, request))
            {
                return Answered(request, new PromotionAttempt(PromotionAnswer.NotWaiting, before.Status, Waiting(before), null, null, calls, HealthReader.Progress(before).CurrentBatch));
            }

            calls++;
            var confirmed = await sae.ConfirmPipelineBatchAsync(request.RegionId, before.CurrentPipelineId!, confirm: true, cancellationToken).ConfigureAwait(false);
            LogConfirmed(logger, request.ChangeOrderId, request.Batch, before.CurrentPipelineId!, confirmed.RequestId);
            return new PromotionAttempt(PromotionAnswer.Confirmed, ChangeOrderStatus.WaitingForBatchConfirmation, before.CurrentPipelineId, null, confirmed.RequestId, calls);
        }
        catch (SaeException ex) when (calls == 2)
        {
            return Answered(request, await AfterRefusalAsync(request, ex, calls, cancellationToken).ConfigureAwait(false));
        }
        catch (SaeException ex)
        {
            return Answered(request, new PromotionAttempt(AnswerOf(ex.Kind), null, null, SaeFailures.From(ex), ex.RequestId, calls));
        }
        catch (SaeConfigurationException ex)
        {
            return Answered(request, new PromotionAttempt(PromotionAnswer.Refused, null, null, SaeFailures.From(ex), null, calls));
        }
    }

    /// <summary>
    /// After a failed confirm, the order decides: moved on means someone else's confirm took effect (or ours did and its
    /// answer was lost); still waiting means ours did not, and the error's class says whether to try again.
    /// </summary>
    private async Task<PromotionAttempt> AfterRefusalAsync(PromoteBatchRequest request, SaeException refusal, int calls, CancellationToken cancellationToken)
    {
        var failure = SaeFailures.From(refusal);
        try
        {
            var after = await sae.DescribeChangeOrderAsync(request.RegionId, request.ChangeOrderId, cancellationToken).ConfigureAwait(false);
            return WaitsFor(after, request)
                ? new PromotionAttempt(AnswerOf(refusal.Kind), after.Status, after.CurrentPipelineId, failure, refusal.RequestId, calls + 1)
                : new PromotionAttempt(PromotionAnswer.NotWaiting, after.Status, Waiting(after), failure, refusal.RequestId, calls + 1, HealthReader.Progress(after).CurrentBatch);
        }
        catch (SaeException)
        {
            // Unreadable: try again on a later poll, which reads the order before confirming.
            return new PromotionAttempt(PromotionAnswer.Retry, null, null, failure, refusal.RequestId, calls + 1);
        }
    }

    /// <summary>
    /// The class of a failed call: a permanent refusal (no permission, credentials, not found) leaves the batch to a
    /// person; anything else (throttled, busy, a 5xx, an invalid parameter while the order still waits) is tried again.
    /// </summary>
    public static PromotionAnswer AnswerOf(SaeErrorKind kind) =>
        kind is SaeErrorKind.PermissionDenied or SaeErrorKind.Unauthenticated or SaeErrorKind.NotFound ? PromotionAnswer.Refused : PromotionAnswer.Retry;

    /// <summary>The order waits for the requested batch: that pipeline, or when none is named, the batch of that number.</summary>
    private static bool WaitsFor(ChangeOrder order, PromoteBatchRequest request) =>
        order.Status == ChangeOrderStatus.WaitingForBatchConfirmation && !string.IsNullOrEmpty(order.CurrentPipelineId)
        && (request.PipelineId.Length > 0
            ? string.Equals(order.CurrentPipelineId, request.PipelineId, StringComparison.Ordinal)
            : HealthReader.Progress(order).CurrentBatch == request.Batch);

    private static string? Waiting(ChangeOrder order) =>
        order.Status == ChangeOrderStatus.WaitingForBatchConfirmation ? order.CurrentPipelineId : null;

    private PromotionAttempt Answered(PromoteBatchRequest request, PromotionAttempt attempt)
    {
        LogAnswered(logger, request.ChangeOrderId, request.Batch, request.PipelineId, attempt.Answer, attempt.OrderStatus, attempt.Failure?.Code);
        return attempt;
    }

    [LoggerMessage(EventId = LogEvents.PromoteConfirmed, Level = LogLevel.Information, Message = "Confirmed batch {Batch} ({PipelineId}) of change order {ChangeOrderId} (request id {RequestId})")]
    private static partial void LogConfirmed(ILogger logger, string changeOrderId, int batch, string pipelineId, string? requestId);

    [LoggerMessage(EventId = LogEvents.PromoteAnswered, Level = LogLevel.Warning, Message = "Batch {Batch} ({PipelineId}) of change order {ChangeOrderId} not confirmed: {Answer} (order status {Status}, error {Code})")]
    private static partial void LogAnswered(ILogger logger, string changeOrderId, int batch, string pipelineId, PromotionAnswer answer, ChangeOrderStatus? status, string? code);
}

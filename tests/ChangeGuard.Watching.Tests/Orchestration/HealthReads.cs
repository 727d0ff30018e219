using ChangeGuard.Domain;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Watching.Activities;

namespace ChangeGuard.Watching.Tests.Orchestration;

/// <summary>Ready activity results for orchestrator tests.</summary>
internal static class HealthReads
{
    private static readonly DateTimeOffset OrderStart = new(2026, 10, 31, 23, 0, 0, TimeSpan.Zero);

    public static SaeMeasurement Healthy() => Read(ChangeOrderStatus.Executing, instances: 4, unhealthy: 0);

    public static SaeMeasurement Unhealthy(int unhealthy = 4) => Read(ChangeOrderStatus.Executing, instances: 4, unhealthy: unhealthy);

    public static SaeMeasurement Succeeded() => Read(ChangeOrderStatus.Succeeded, instances: 0, unhealthy: 0);

    public static SaeMeasurement Failed(ErrorClass errorClass = ErrorClass.Transient) =>
        new(null, new MeasurementError(errorClass, errorClass == ErrorClass.Transient
            ? "Throttling.User: Request was denied due to user flow control. (request id req-1)"
            : "Resouce.no.permission: You are not authorized to do this operation. (request id req-1)"), null, 1);

    public static SaeMeasurement Read(ChangeOrderStatus status, int instances, int unhealthy, ChangeOrderSubStatus sub = ChangeOrderSubStatus.Normal)
    {
        var list = Enumerable.Range(0, instances)
            .Select(i => new InstanceHealth($"i-{i}", "2.0.0", i < unhealthy ? InstanceCondition.Unavailable : InstanceCondition.Healthy, 0, OrderStart.AddMinutes(1), null, 1))
            .ToArray();
        var progress = new ChangeOrderProgress(status, sub, 1, 2, null, OrderStart, AnyBatchStarted: true, AppId: "app-1");
        return new SaeMeasurement(new HealthSnapshot(OrderStart.AddMinutes(2), progress, list, 0, null), null, "group-1", 2);
    }

    /// <summary>A manual release whose batch 1 of 2 finished healthy: it waits for a confirm of batch 2 (<c>pipeline-2</c>).</summary>
    public static SaeMeasurement WaitingToStart()
    {
        var read = Read(ChangeOrderStatus.WaitingForBatchConfirmation, instances: 4, unhealthy: 0);
        var snapshot = read.Snapshot!;
        return read with { Snapshot = snapshot with { Order = snapshot.Order with { CurrentBatch = 2, CurrentPipelineId = "pipeline-2", ManualBatches = true } } };
    }

    public static PromotionAttempt Promoted() => new(PromotionAnswer.Confirmed, ChangeOrderStatus.WaitingForBatchConfirmation, "pipeline-2", null, "req-confirm", 2);

    public static PromotionAttempt PromoteThrottled() =>
        new(PromotionAnswer.Retry, ChangeOrderStatus.WaitingForBatchConfirmation, "pipeline-2", new SaeFailure("Throttling.User", "Request was denied due to user flow control.", "req-2", null), null, 3);

    public static AbortAttempt Accepted() => new(AbortAnswer.Accepted, null, null, "req-abort", 1);

    public static AbortAttempt Busy() =>
        new(AbortAnswer.Busy, null, new SaeFailure(SaeErrorCodes.ChangeOrderRunning, "busy", "req-2", null), "req-2", 1);

    public static AbortAttempt Denied() =>
        new(AbortAnswer.Refused, null, new SaeFailure(SaeErrorCodes.ResourceNoPermission, "denied", "req-3", null), "req-3", 1);

    public static AbortAttempt NotRunning(ChangeOrderStatus? status) =>
        new(AbortAnswer.NotRunning, status, new SaeFailure(SaeErrorCodes.ChangeOrderNotRunning, "not running", "req-4", null), "req-4", 2);

    /// <summary>An answer that says nothing clear (a malformed answer, say), with the order read after it.</summary>
    public static AbortAttempt Unclear(ChangeOrderStatus? status) =>
        new(AbortAnswer.Unclear, status, new SaeFailure("ChangeGuard.MalformedAnswer", "the answer is not SAE's API", null, null), null, 2);

    public static ConfirmAbortResult Status(ChangeOrderStatus status) => new(status, null);
}

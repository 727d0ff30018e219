using ChangeGuard.Core.Activities;
using ChangeGuard.Core.Health;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Tests.Orchestration;

/// <summary>Ready activity results for orchestrator tests.</summary>
internal static class HealthReads
{
    private static readonly DateTimeOffset OrderStart = new(2026, 10, 31, 23, 0, 0, TimeSpan.Zero);

    public static HealthRead Healthy() => Read(ChangeOrderStatus.Executing, instances: 4, unhealthy: 0);

    public static HealthRead Unhealthy(int unhealthy = 4) => Read(ChangeOrderStatus.Executing, instances: 4, unhealthy: unhealthy);

    public static HealthRead Succeeded() => Read(ChangeOrderStatus.Succeeded, instances: 0, unhealthy: 0);

    public static HealthRead Failed(SaeErrorKind kind = SaeErrorKind.Throttled) =>
        new(null, new SaeFailure(kind, "Throttling.User", "Request was denied due to user flow control.", "req-1", null), null, 1);

    public static HealthRead Read(ChangeOrderStatus status, int instances, int unhealthy, ChangeOrderSubStatus sub = ChangeOrderSubStatus.Normal)
    {
        var list = Enumerable.Range(0, instances)
            .Select(i => new InstanceHealth($"i-{i}", "2.0.0", i < unhealthy ? InstanceCondition.Unavailable : InstanceCondition.Healthy, 0, OrderStart.AddMinutes(1), null))
            .ToArray();
        var progress = new ChangeOrderProgress(status, sub, 1, 2, null, OrderStart, AnyBatchStarted: true);
        return new HealthRead(new HealthSnapshot(OrderStart.AddMinutes(2), progress, list, 0, null), null, "group-1", 2);
    }

    public static AbortAttempt Accepted() => new(AbortAttemptOutcome.Accepted, null, null, "req-abort", 1);

    public static AbortAttempt Busy() =>
        new(AbortAttemptOutcome.Retry, null, new SaeFailure(SaeErrorKind.ChangeInProgress, SaeErrorCodes.ChangeOrderRunning, "busy", "req-2", null), "req-2", 1);

    public static AbortAttempt Denied() =>
        new(AbortAttemptOutcome.Fatal, null, new SaeFailure(SaeErrorKind.PermissionDenied, SaeErrorCodes.ResourceNoPermission, "denied", "req-3", null), "req-3", 1);

    public static AbortAttempt NotRunning(ChangeOrderStatus? status) =>
        new(AbortAttemptOutcome.NotRunning, status, new SaeFailure(SaeErrorKind.NotRunning, SaeErrorCodes.ChangeOrderNotRunning, "not running", "req-4", null), "req-4", 2);

    public static OrderStatusRead Status(ChangeOrderStatus status) => new(status, null);
}

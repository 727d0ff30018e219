using ChangeGuard.Domain.Measurements;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Watching.Activities;
using Microsoft.Azure.Functions.Worker;

namespace ChangeGuard.Functions.Orchestration;

/// <summary>
/// Hosts Core's activities under Core's names (the orchestrator calls them by those names); each function only
/// hands its input to the Core activity.
/// </summary>
public sealed class WatchActivityFunctions(
    ReadHealthActivity read,
    ReadSignalsActivity signals,
    AbortChangeOrderActivity abort,
    ConfirmAbortActivity confirm,
    NotifyActivity notify)
{
    /// <summary>Reads one health snapshot.</summary>
    [Function(nameof(ReadHealthActivity))]
    public Task<SaeMeasurement> ReadHealthAsync([ActivityTrigger] ReadHealthRequest input, FunctionContext context) =>
        read.RunAsync(FunctionActivityContext.From(context), input);

    /// <summary>Reads the watch's signals (Prometheus queries, HTTP probes).</summary>
    [Function(nameof(ReadSignalsActivity))]
    public Task<SignalsRead> ReadSignalsAsync([ActivityTrigger] ReadSignalsRequest input, FunctionContext context) =>
        signals.RunAsync(FunctionActivityContext.From(context), input);

    /// <summary>Makes one abort attempt.</summary>
    [Function(nameof(AbortChangeOrderActivity))]
    public Task<AbortAttempt> AbortChangeOrderAsync([ActivityTrigger] AbortRequest input, FunctionContext context) =>
        abort.RunAsync(FunctionActivityContext.From(context), input);

    /// <summary>Reads an order's status after an accepted abort.</summary>
    [Function(nameof(ConfirmAbortActivity))]
    public Task<OrderStatusRead> ConfirmAbortAsync([ActivityTrigger] OrderStatusRequest input, FunctionContext context) =>
        confirm.RunAsync(FunctionActivityContext.From(context), input);

    /// <summary>Delivers one event to one notification channel.</summary>
    [Function(nameof(NotifyActivity))]
    public Task<NotifyResult> NotifyAsync([ActivityTrigger] NotifyRequest input, FunctionContext context) =>
        notify.RunAsync(FunctionActivityContext.From(context), input);
}

using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Watching.Activities;
using Microsoft.Azure.Functions.Worker;

namespace ChangeGuard.Functions.Orchestration;

/// <summary>
/// Hosts the watching workflow's activities under their names (the orchestrator calls them by those names); each
/// function only hands its input to the activity.
/// </summary>
public sealed class WatchActivityFunctions(
    ReadHealthActivity read,
    ReadSignalsActivity signals,
    AbortChangeOrderActivity abort,
    ConfirmAbortActivity confirm,
    PromoteBatchActivity promote,
    NotifyActivity notify)
{
    /// <summary>Reads one health snapshot.</summary>
    [Function(nameof(ReadHealthActivity))]
    public Task<ReadHealthResult> ReadHealthAsync([ActivityTrigger] ReadHealthRequest input) => read.RunAsync(input);

    /// <summary>Reads the watch's signals (Prometheus queries, HTTP probes).</summary>
    [Function(nameof(ReadSignalsActivity))]
    public Task<ReadSignalsResult> ReadSignalsAsync([ActivityTrigger] ReadSignalsRequest input) => signals.RunAsync(input);

    /// <summary>Makes one abort attempt.</summary>
    [Function(nameof(AbortChangeOrderActivity))]
    public Task<AbortChangeOrderResult> AbortChangeOrderAsync([ActivityTrigger] AbortChangeOrderRequest input) => abort.RunAsync(input);

    /// <summary>Reads an order's status after an accepted abort.</summary>
    [Function(nameof(ConfirmAbortActivity))]
    public Task<ConfirmAbortResult> ConfirmAbortAsync([ActivityTrigger] ConfirmAbortRequest input) => confirm.RunAsync(input);

    /// <summary>Confirms a waiting batch of a manual release, once.</summary>
    [Function(nameof(PromoteBatchActivity))]
    public Task<PromoteBatchResult> PromoteBatchAsync([ActivityTrigger] PromoteBatchRequest input) => promote.RunAsync(input);

    /// <summary>Delivers one event to one notification channel.</summary>
    [Function(nameof(NotifyActivity))]
    public Task<NotifyResult> NotifyAsync([ActivityTrigger] NotifyRequest input) => notify.RunAsync(input);
}

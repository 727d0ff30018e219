using System.Runtime.CompilerServices;
using ChangeGuard.Domain;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Notifications;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Signals;
using ChangeGuard.Watching.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ChangeGuard.Watching;

/// <summary>
/// Start, read, list, abort and stop watches over a <see cref="DurableTaskClient"/>. Every host (Functions, the
/// CLI, <c>serve</c>) calls this and only maps its results to HTTP or terminal output; no host holds a rule.
/// <paramref name="notifications"/> are the configured channels a policy's <c>notify</c> may name;
/// <paramref name="signals"/> the Prometheus servers, secrets and probe targets its signals may name;
/// <paramref name="check"/> asks SAE whether the change order exists and belongs to the app before a watch starts.
/// </summary>
public sealed class WatchApi(
    DurableTaskClient client,
    WatchPolicy defaults,
    ISaeCredentialSource credentials,
    int pollsPerGeneration = WatchInput.DefaultPollsPerGeneration,
    NotificationOptions? notifications = null,
    SignalOptions? signals = null,
    ChangeOrderCheck? check = null,
    int? maxActiveWatches = null,
    WatchStartGate? gate = null)
{
    private readonly WatchStartGate _gate = gate ?? new WatchStartGate();

    private readonly WatchRequestValidator _requests = new(defaults, credentials, pollsPerGeneration, notifications, signals);

    private static readonly OrchestrationRuntimeStatus[] ActiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>
    /// Validates the request, returns the watch that already watches the order, or checks with SAE that the order
    /// exists and belongs to the app and starts a watch.
    /// </summary>
    public async Task<WatchStart> StartAsync(WatchStartRequest request, CancellationToken cancellationToken = default)
    {
        var (input, errors) = Validate(request);
        if (input is null)
        {
            return WatchStart.Invalid(errors);
        }

        var existing = await GetByInstanceIdAsync(WatchIds.ForChangeOrder(input.Target.ChangeOrderId), cancellationToken).ConfigureAwait(false);
        if (existing is { HasEnded: false })
        {
            return new WatchStart(WatchStartKind.AlreadyWatched, existing, []);
        }

        if (maxActiveWatches is { } cap && await CountActiveAsync(cap, cancellationToken).ConfigureAwait(false) >= cap)
        {
            return new WatchStart(WatchStartKind.TooMany, null,
                [new ValidationError("changeOrderId", $"cannot be watched now: {cap} watches already run (ChangeGuard:MaxActiveWatches); retry when one has ended")]);
        }

        if (check is not null)
        {
            var found = await check.CheckAsync(input.Target, cancellationToken).ConfigureAwait(false);
            switch (found.Status)
            {
                case ChangeOrderCheckStatus.NotFound:
                    return new WatchStart(WatchStartKind.NotFound, null, found.Errors);
                case ChangeOrderCheckStatus.Invalid:
                    return WatchStart.Invalid(found.Errors);
            }
        }

        return await ScheduleAsync(input, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates a start request into the orchestration's input; errors name each bad field.</summary>
    public (WatchInput? Input, IReadOnlyList<ValidationError> Errors) Validate(WatchStartRequest? request) => _requests.Validate(request);

    /// <summary>Schedules a validated input under the change order's instance id; one active watch per order.</summary>
    public async Task<WatchStart> ScheduleAsync(WatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = WatchIds.ForChangeOrder(input.Target.ChangeOrderId);

        // Concurrent starts of one order take turns, so exactly one is told it started the watch on every store (Azure
        // Storage's own dedupe lets racing creations all succeed; the in-memory store refuses all but one).
        using var turn = await _gate.EnterAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var existing = await GetByInstanceIdAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (existing is { HasEnded: false })
        {
            return new WatchStart(WatchStartKind.AlreadyWatched, existing, []);
        }

        try
        {
            var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(ActiveStatuses);
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(WatchOrchestrator), input, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The dedupe statuses refused a second active watch (a racing start won): return that watch.
            var raced = await GetByInstanceIdAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (raced is { HasEnded: false })
            {
                return new WatchStart(WatchStartKind.AlreadyWatched, raced, []);
            }

            throw;
        }

        ChangeGuardTelemetry.WatchesStarted.Add(1, new KeyValuePair<string, object?>("by", input.RequestedBy == Guard.RollbackGuard.Actor ? "guard" : "api"));
        var started = await GetByInstanceIdAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? WatchViews.Scheduled(instanceId, input);
        return new WatchStart(WatchStartKind.Started, started, []);
    }

    /// <summary>The watch of a change order, or null.</summary>
    public Task<WatchView?> GetAsync(string changeOrderId, CancellationToken cancellationToken = default) =>
        WatchIds.IsValidId(changeOrderId)
            ? GetByInstanceIdAsync(WatchIds.ForChangeOrder(changeOrderId), cancellationToken)
            : Task.FromResult<WatchView?>(null);

    /// <summary>One page of watches, optionally of one runtime status.</summary>
    public async Task<WatchPage> ListAsync(WatchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var top = Math.Clamp(query.Top, 1, 100);
        var filter = new OrchestrationQuery
        {
            InstanceIdPrefix = WatchIds.Prefix,
            Statuses = query.Status is { } status ? [WatchViews.ToDurable(status)] : null,
            PageSize = top,
            ContinuationToken = query.ContinuationToken,
            FetchInputsAndOutputs = true,
        };

        await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, top).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            return new WatchPage(page.Values.Select(WatchViews.From).ToArray(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new WatchPage([], null);
    }

    /// <summary>Every active watch (pending, running or suspended), with its status, page by page from the store.</summary>
    public async IAsyncEnumerable<WatchView> ActiveAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var active = new OrchestrationQuery
        {
            InstanceIdPrefix = WatchIds.Prefix,
            Statuses = ActiveStatuses,
            PageSize = 100,
            FetchInputsAndOutputs = true,
        };
        await foreach (var instance in client.GetAllInstancesAsync(active).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return WatchViews.From(instance);
        }
    }

    /// <summary>How many watches are active, counted up to <paramref name="enough"/> (the count stops there).</summary>
    private async Task<int> CountActiveAsync(int enough, CancellationToken cancellationToken)
    {
        var active = new OrchestrationQuery
        {
            InstanceIdPrefix = WatchIds.Prefix,
            Statuses = ActiveStatuses,
            PageSize = Math.Clamp(enough, 1, 1000),
            FetchInputsAndOutputs = false,
        };
        var count = 0;
        await foreach (var _ in client.GetAllInstancesAsync(active).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++count >= enough)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>
    /// Deletes the history of watches that have ended (completed, failed or terminated) and whose last generation
    /// started before <paramref name="endedBefore"/>; running watches are never touched. Returns how many went.
    /// </summary>
    public async Task<int> PurgeEndedAsync(DateTimeOffset endedBefore, CancellationToken cancellationToken = default)
    {
        // Listed, then purged one by one: every store purges a single instance, not every store takes a filter.
        var ended = new OrchestrationQuery
        {
            InstanceIdPrefix = WatchIds.Prefix,
            CreatedTo = endedBefore,
            Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            FetchInputsAndOutputs = false,
        };
        var ids = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(ended).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(instance.InstanceId);
        }

        var purged = 0;
        foreach (var id in ids)
        {
            var result = await client.PurgeInstanceAsync(id, cancellation: cancellationToken).ConfigureAwait(false);
            purged += result.PurgedInstanceCount;
        }

        return purged;
    }

    /// <summary>Asks a running watch to abort its change order now.</summary>
    public Task<CommandDelivery> AbortAsync(string changeOrderId, ManualCommand command, CancellationToken cancellationToken = default) =>
        SendAsync(changeOrderId, WatchEvents.AbortNow, command, cancellationToken);

    /// <summary>
    /// Asks a running watch to confirm the batch its manual release waits for now (a person's promotion: no bake, no
    /// last-batch limit); the watch reads the order first, confirms nothing twice, and goes on watching.
    /// </summary>
    public Task<CommandDelivery> PromoteAsync(string changeOrderId, ManualCommand command, CancellationToken cancellationToken = default) =>
        SendAsync(changeOrderId, WatchEvents.PromoteNow, command, cancellationToken);

    /// <summary>Asks a running watch to stop watching and leave the change order alone.</summary>
    public Task<CommandDelivery> StopAsync(string changeOrderId, ManualCommand command, CancellationToken cancellationToken = default) =>
        SendAsync(changeOrderId, WatchEvents.StopWatching, command, cancellationToken);

    private async Task<CommandDelivery> SendAsync(string changeOrderId, string eventName, ManualCommand command, CancellationToken cancellationToken)
    {
        if (!WatchIds.IsValidId(changeOrderId))
        {
            return CommandDelivery.Invalid;
        }

        var instanceId = WatchIds.ForChangeOrder(changeOrderId);
        var watch = await GetByInstanceIdAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (watch is null)
        {
            return CommandDelivery.NotFound;
        }

        if (watch.HasEnded)
        {
            return CommandDelivery.AlreadyEnded;
        }

        var clipped = command with { Reason = Clip(command.Reason, 512), RequestedBy = Clip(command.RequestedBy, 256) };
        await client.RaiseEventAsync(instanceId, eventName, clipped, cancellationToken).ConfigureAwait(false);
        return CommandDelivery.Accepted;
    }

    private async Task<WatchView?> GetByInstanceIdAsync(string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : WatchViews.From(metadata);
    }

    private static string? Clip(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

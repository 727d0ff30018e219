using ChangeGuard.Domain;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Json;
using ChangeGuard.Notifications;
using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;
using ChangeGuard.Watching.Orchestration;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Watching.Guard;

/// <summary>
/// The periodic sweep: finds running change orders of the configured apps and namespaces, watches those nobody
/// watches, aborts again those whose abort failed, and aborts those running past the hard maximum. Safe to run
/// twice at once: every action goes through the change order's single watch instance. Each adoption and abort is
/// announced to the default notification channels (<c>ChangeGuard:Notifications:Default</c>) that want guard events;
/// a failed notification is one more line in the report's errors.
/// </summary>
public sealed partial class RollbackGuard(
    ISaeClient sae,
    RollbackGuardOptions options,
    TimeProvider time,
    ILogger<RollbackGuard> logger,
    NotificationDelivery? notifications = null)
{
    /// <summary>Who the guard's actions are attributed to.</summary>
    public const string Actor = "rollback-guard";

    /// <summary>Sweeps once.</summary>
    public async Task<GuardReport> RunAsync(WatchApi watches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watches);
        var started = time.GetUtcNow();
        var errors = new List<string>();
        var adopted = new List<string>();
        var retried = new List<string>();
        var overMaximum = new List<string>();
        var watched = new List<string>();
        var announcements = new List<Task<IReadOnlyList<(string Channel, NotifyResult Outcome)>>>();

        var apps = await ResolveAppsAsync(errors, cancellationToken).ConfigureAwait(false);
        var running = 0;
        foreach (var app in apps)
        {
            IReadOnlyList<ChangeOrderSummary> orders;
            try
            {
                var page = await sae.ListChangeOrdersAsync(app.RegionId, new ListChangeOrdersQuery(app.AppId, PageSize: 20), cancellationToken).ConfigureAwait(false);
                orders = page.ChangeOrderList.Where(o => o.Status.IsRunning()).ToArray();
            }
            catch (SaeException ex)
            {
                errors.Add($"{app.AppId}: {ex.Message}");
                continue;
            }

            foreach (var order in orders)
            {
                running++;
                try
                {
                    var (action, reason, evidence) = await SweepAsync(watches, app, order, started, cancellationToken).ConfigureAwait(false);
                    if (notifications is not null && Announcement(action, app, order, reason, evidence, started) is { } announcement)
                    {
                        announcements.Add(notifications.DeliverToDefaultsAsync(announcement, cancellationToken));
                    }

                    (action switch
                    {
                        SweepAction.Adopted => adopted,
                        SweepAction.AbortRetried => retried,
                        SweepAction.AbortedOverMaximum => overMaximum,
                        _ => watched,
                    }).Add(order.ChangeOrderId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors.Add($"{order.ChangeOrderId}: {ex.Message}");
                }
            }
        }

        foreach (var delivered in await Task.WhenAll(announcements).ConfigureAwait(false))
        {
            errors.AddRange(delivered.Where(d => d.Outcome.Status == NotifyStatus.Failed).Select(d => $"notify {d.Channel} failed: {d.Outcome.Code}"));
        }

        var report = new GuardReport
        {
            StartedAt = started,
            AppsScanned = apps.Count,
            RunningOrders = running,
            AlreadyWatched = watched,
            Adopted = adopted,
            AbortRetried = retried,
            AbortedOverMaximum = overMaximum,
            Errors = errors,
        };
        LogSwept(logger, report.ToString(), Join(report.Adopted), Join(report.AbortRetried), Join(report.AbortedOverMaximum));
        foreach (var error in report.Errors)
        {
            LogSweepError(logger, error);
        }

        return report;
    }

    private async Task<(SweepAction Action, string Reason, IReadOnlyList<Evidence> Evidence)> SweepAsync(WatchApi watches, GuardedApp app, ChangeOrderSummary order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var watch = await watches.GetAsync(order.ChangeOrderId, cancellationToken).ConfigureAwait(false);
        var age = order.CreateTime is { } created ? now - created : TimeSpan.Zero;

        if (age > options.HardMaximum)
        {
            var reason = $"the change order has run for {DurationFormat.Rounded(age)}, past the hard maximum of {DurationFormat.Format(options.HardMaximum)}";
            if (watch is { HasEnded: false })
            {
                await watches.AbortAsync(order.ChangeOrderId, new ManualCommand(reason, Actor), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await StartAbortingWatchAsync(watches, app, order, reason, cancellationToken).ConfigureAwait(false);
            }

            return (SweepAction.AbortedOverMaximum, reason,
                [new Evidence("orderAge", DurationFormat.Rounded(age), $"at most {DurationFormat.Format(options.HardMaximum)}", [])]);
        }

        if (watch is { HasEnded: false })
        {
            return (SweepAction.AlreadyWatched, string.Empty, []);
        }

        if (watch is not null && (watch.RuntimeStatus == EngineStatus.Failed || watch.Result?.Outcome == WatchOutcome.AbortFailed))
        {
            var previous = watch.Result?.ErrorCode ?? watch.Failure ?? "the watch failed";
            var retry = $"retrying an abort that failed before ({previous})";
            await StartAbortingWatchAsync(watches, app, order, retry, cancellationToken).ConfigureAwait(false);
            return (SweepAction.AbortRetried, retry, []);
        }

        if (watch is not null && watch.Result?.Outcome is WatchOutcome.Stopped or WatchOutcome.DryRunWouldAbort or WatchOutcome.Unwatchable)
        {
            // Someone chose to stop watching (or to only rehearse), or SAE refused for good to let the order be read:
            // respect it; adopting it again would only meet the same refusal.
            return (SweepAction.AlreadyWatched, string.Empty, []);
        }

        if (!options.AdoptUnwatched)
        {
            return (SweepAction.AlreadyWatched, string.Empty, []);
        }

        var started = await watches.StartAsync(new WatchStartRequest
        {
            RegionId = app.RegionId,
            AppId = app.AppId,
            ChangeOrderId = order.ChangeOrderId,
            RequestedBy = Actor,
        }, cancellationToken).ConfigureAwait(false);
        if (started.Kind is WatchStartKind.Invalid or WatchStartKind.NotFound or WatchStartKind.TooMany)
        {
            throw new InvalidOperationException(string.Join("; ", started.Errors.Select(e => $"{e.Field} {e.Message}")));
        }

        return started.Kind == WatchStartKind.Started
            ? (SweepAction.Adopted, "nobody watched this running change order; the rollback guard now watches it with the default policy", [])
            : (SweepAction.AlreadyWatched, string.Empty, []);
    }

    private static async Task StartAbortingWatchAsync(WatchApi watches, GuardedApp app, ChangeOrderSummary order, string reason, CancellationToken cancellationToken)
    {
        var (input, errors) = watches.Validate(new WatchStartRequest
        {
            RegionId = app.RegionId,
            AppId = app.AppId,
            ChangeOrderId = order.ChangeOrderId,
            RequestedBy = Actor,
        });
        if (input is null)
        {
            throw new InvalidOperationException(string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
        }

        await watches.ScheduleAsync(input with { AbortReason = reason }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The event for what the guard did, or null when it left the order alone. The sequence is the sweep's minute, so
    /// two guards sweeping on the same schedule announce one event id.
    /// </summary>
    private static WatchEvent? Announcement(SweepAction action, GuardedApp app, ChangeOrderSummary order, string reason, IReadOnlyList<Evidence> evidence, DateTimeOffset sweptAt)
    {
        WatchEventType? announced = action switch
        {
            SweepAction.Adopted => WatchEventType.GuardAdopted,
            SweepAction.AbortRetried or SweepAction.AbortedOverMaximum => WatchEventType.GuardAborted,
            _ => null,
        };
        if (announced is not { } type)
        {
            return null;
        }

        var minute = sweptAt.ToUnixTimeSeconds() / 60 * 60;
        return new WatchEvent
        {
            EventId = WatchEvent.IdFor(WatchIds.ForChangeOrder(order.ChangeOrderId), type, minute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Type = type,
            Severity = EventSeverity.Of(type),
            OccurredAt = sweptAt,
            RegionId = app.RegionId,
            AppId = app.AppId,
            ChangeOrderId = order.ChangeOrderId,
            BatchCount = order.BatchCount > 0 ? order.BatchCount : null,
            Reason = reason,
            Evidence = evidence,
            RequestedBy = Actor,
        };
    }

    private async Task<IReadOnlyList<GuardedApp>> ResolveAppsAsync(List<string> errors, CancellationToken cancellationToken)
    {
        var apps = new List<GuardedApp>(options.Apps);
        foreach (var ns in options.Namespaces)
        {
            try
            {
                for (var page = 1; page <= 100; page++)
                {
                    var result = await sae.ListApplicationsAsync(ns.RegionId, new ListApplicationsQuery(NamespaceId: ns.NamespaceId, CurrentPage: page, PageSize: 100), cancellationToken).ConfigureAwait(false);
                    apps.AddRange(result.Applications.Select(a => new GuardedApp { RegionId = ns.RegionId, AppId = a.AppId }));
                    if (result.Applications.Count < 100 || page * 100 >= result.TotalSize)
                    {
                        break;
                    }
                }
            }
            catch (SaeException ex)
            {
                errors.Add($"{ns.NamespaceId}: {ex.Message}");
            }
        }

        return apps.DistinctBy(a => (a.RegionId, a.AppId)).ToArray();
    }

    private enum SweepAction
    {
        AlreadyWatched,
        Adopted,
        AbortRetried,
        AbortedOverMaximum,
    }

    private static string Join(IReadOnlyList<string> ids) => ids.Count == 0 ? "-" : string.Join(", ", ids);

    [LoggerMessage(EventId = LogEvents.GuardSwept, Level = LogLevel.Information,
        Message = "Rollback guard sweep: {Report}; adopted: {Adopted}; abort retried: {AbortRetried}; aborted over maximum: {AbortedOverMaximum}")]
    private static partial void LogSwept(ILogger logger, string report, string adopted, string abortRetried, string abortedOverMaximum);

    [LoggerMessage(EventId = LogEvents.GuardSweepError, Level = LogLevel.Warning, Message = "Rollback guard could not sweep: {Error}")]
    private static partial void LogSweepError(ILogger logger, string error);
}

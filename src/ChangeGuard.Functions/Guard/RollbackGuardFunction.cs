using ChangeGuard.Domain;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Functions.Guard;

/// <summary>
/// Runs Core's <see cref="RollbackGuard"/> on a timer so that change orders nobody watches, or whose abort failed,
/// are still caught. The schedule is the app setting <c>ChangeGuard:Guard:Schedule</c> (in app settings
/// <c>ChangeGuard__Guard__Schedule</c>), the same value <see cref="RollbackGuardOptions.Schedule"/> validates.
/// </summary>
public sealed partial class RollbackGuardFunction(RollbackGuard guard, WatchApiFactory watches, WatchCensus census, ILogger<RollbackGuardFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "RollbackGuard";

    /// <summary>The timer's schedule: an app-setting expression the Functions host resolves at indexing time.</summary>
    public const string Schedule = "%ChangeGuard:Guard:Schedule%";

    /// <summary>Sweeps once, logs what the sweep found and did, and counts the active watches.</summary>
    [Function(Name)]
    public async Task RunAsync(
        [TimerTrigger(Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue(logger);
        }

        // The guard logs its own report (what it adopted, retried and aborted, and every error); then the active
        // watches are counted for the gauge, as serve counts them on its own schedule.
        var api = watches.Create(client);
        await guard.RunAsync(api, cancellationToken).ConfigureAwait(false);
        await census.CountAsync(api, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = LogEvents.GuardTimerPastDue, Level = LogLevel.Warning, Message = "Rollback guard timer is past due; sweeping now")]
    private static partial void LogPastDue(ILogger logger);
}

using ChangeGuard.Watching.Guard;
using ChangeGuard.Watching;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Functions.Guard;

/// <summary>
/// Runs Core's <see cref="RollbackGuard"/> on a timer so that change orders nobody watches, or whose abort failed,
/// are still caught. The schedule is the app setting <c>ChangeGuard:Guard:Schedule</c> (in app settings
/// <c>ChangeGuard__Guard__Schedule</c>), the same value <see cref="RollbackGuardOptions.Schedule"/> validates.
/// </summary>
public sealed partial class RollbackGuardFunction(RollbackGuard guard, WatchApiFactory watches, ILogger<RollbackGuardFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string Name = "RollbackGuard";

    /// <summary>The timer's schedule: an app-setting expression the Functions host resolves at indexing time.</summary>
    public const string Schedule = "%ChangeGuard:Guard:Schedule%";

    /// <summary>Sweeps once and logs what the sweep found and did.</summary>
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

        var report = await guard.RunAsync(watches.Create(client), cancellationToken).ConfigureAwait(false);
        LogReport(logger, report.ToString(), Join(report.Adopted), Join(report.AbortRetried), Join(report.AbortedOverMaximum));
        foreach (var error in report.Errors)
        {
            LogError(logger, error);
        }
    }

    private static string Join(IReadOnlyList<string> ids) => ids.Count == 0 ? "-" : string.Join(", ", ids);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Rollback guard timer is past due; sweeping now")]
    private static partial void LogPastDue(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Rollback guard: {Summary}; adopted: {Adopted}; abort retried: {AbortRetried}; aborted over maximum: {AbortedOverMaximum}")]
    private static partial void LogReport(ILogger logger, string summary, string adopted, string abortRetried, string abortedOverMaximum);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Rollback guard could not sweep: {Error}")]
    private static partial void LogError(ILogger logger, string error);
}

using ChangeGuard.Domain;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Guard;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Cli.Serve;

/// <summary>Runs the rollback guard on its schedule inside <c>serve</c>, as the Functions app's timer does.</summary>
public sealed partial class GuardLoop(RollbackGuard guard, WatchApi watches, IOptions<RollbackGuardOptions> options, TimeProvider time, ILogger<GuardLoop> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Apps.Count == 0 && settings.Namespaces.Count == 0)
        {
            LogIdle(logger);
            return;
        }

        GuardSchedule.TryParse(settings.Schedule, out var schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule!.Next(now) ?? now.AddMinutes(5);
            await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            try
            {
                // The guard logs its own report; this loop only keeps the schedule.
                await guard.RunAsync(watches, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.GuardIdle, Level = LogLevel.Information, Message = "Rollback guard: no apps or namespaces configured (ChangeGuard:Guard); the sweep is off")]
    private static partial void LogIdle(ILogger logger);

    [LoggerMessage(EventId = LogEvents.GuardSweepFailed, Level = LogLevel.Warning, Message = "Rollback guard sweep failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

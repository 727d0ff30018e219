using ChangeGuard.Watching.Guard;
using ChangeGuard.Watching;
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
                var report = await guard.RunAsync(watches, stoppingToken).ConfigureAwait(false);
                LogSwept(logger, report.ToString());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Rollback guard: no apps or namespaces configured (ChangeGuard:Guard); the sweep is off")]
    private static partial void LogIdle(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Rollback guard: {Report}")]
    private static partial void LogSwept(ILogger logger, string report);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Rollback guard sweep failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

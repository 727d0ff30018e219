using ChangeGuard.Domain;
using ChangeGuard.Watching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Cli.Serve;

/// <summary>
/// Purges watches that ended longer ago than <see cref="ChangeGuardOptions.KeepEndedWatches"/>, once an hour, so a
/// long-running <c>serve</c> neither fills its store nor (in memory) grows without bound.
/// </summary>
public sealed partial class RetentionLoop(WatchApi watches, IOptions<ChangeGuardOptions> options, TimeProvider time, ILogger<RetentionLoop> logger)
    : BackgroundService
{
    /// <summary>How often the purge runs.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keep = options.Value.KeepEndedWatches;
        if (keep <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Period, time, stoppingToken).ConfigureAwait(false);
            try
            {
                var purged = await watches.PurgeEndedAsync(time.GetUtcNow() - keep, stoppingToken).ConfigureAwait(false);
                if (purged > 0)
                {
                    LogPurged(logger, purged, keep.TotalDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.WatchesPurged, Level = LogLevel.Information, Message = "Purged {Count} watches that ended more than {Days} days ago")]
    private static partial void LogPurged(ILogger logger, int count, double days);

    [LoggerMessage(EventId = LogEvents.PurgeFailed, Level = LogLevel.Warning, Message = "Purging old watches failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

using ChangeGuard.Domain;
using ChangeGuard.Watching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Cli.Serve;

/// <summary>Counts the active watches by state every <see cref="WatchCensus.Period"/>, for the gauge <c>/metrics</c> serves.</summary>
public sealed partial class CensusLoop(WatchCensus census, WatchApi watches, TimeProvider time, ILogger<CensusLoop> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await census.CountAsync(watches, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.Message);
            }

            await Task.Delay(WatchCensus.Period, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = LogEvents.CensusFailed, Level = LogLevel.Warning, Message = "Counting the active watches failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}

using System.Diagnostics.Metrics;
using ChangeGuard.Domain.Telemetry;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Watching;

/// <summary>
/// The active watches by state, counted from the store by whoever holds a client (<c>serve</c> every
/// <see cref="Period"/>, the Functions app at each rollback-guard sweep) and reported as the gauge
/// <c>changeguard.watches.active</c>. A scrape never queries the store: it reads the last count, and every state is
/// reported (0 included) so that alerts see a series from the start.
/// </summary>
public sealed class WatchCensus
{
    /// <summary>How often a host that can should count.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    /// <summary>The states counted: the engine's pending and suspended, and a running watch's phase.</summary>
    public static readonly IReadOnlyList<string> States = ["pending", "starting", "watching", "aborting", "confirmingAbort", "ending", "suspended"];

    private volatile IReadOnlyDictionary<string, int> _counts = States.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);

    /// <summary>Creates the census; <paramref name="meters"/> (when given) reports it as a gauge.</summary>
    public WatchCensus(IMeterFactory? meters = null)
    {
        meters?.Create(ChangeGuardTelemetry.Name).CreateObservableGauge(
            "changeguard.watches.active",
            () => _counts.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("state", c.Key))),
            "{watch}",
            "Active watches by state, as last counted");
    }

    /// <summary>The last count: every state of <see cref="States"/>.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Counts the active watches now and keeps the count.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(WatchApi watches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watches);
        var counts = States.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        await foreach (var watch in watches.ActiveAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[StateOf(watch)]++;
        }

        _counts = counts;
        return counts;
    }

    private static string StateOf(WatchView watch) => watch.RuntimeStatus switch
    {
        EngineStatus.Pending => "pending",
        EngineStatus.Suspended => "suspended",
        _ => watch.Phase switch
        {
            WatchPhase.Watching => "watching",
            WatchPhase.Aborting => "aborting",
            WatchPhase.ConfirmingAbort => "confirmingAbort",
            WatchPhase.Ended => "ending",
            _ => "starting",
        },
    };
}

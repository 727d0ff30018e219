using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// Reads the simulator's request log forward (it keeps only the last 50,000 calls, so the benchmarks read it often)
/// and hands the entries to a <see cref="PollCadence"/>; notes each order's first accepted abort.
/// </summary>
public sealed class LogFeed(ISaeFake fake, string? action = null)
{
    private readonly Dictionary<string, DateTimeOffset> _aborts = new(StringComparer.Ordinal);
    private long _after;

    /// <summary>Where new entries go; none discards them.</summary>
    public PollCadence? Cadence { get; set; }

    /// <summary>When each order's first AbortChangeOrder was accepted.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Aborts => _aborts;

    /// <summary>Reads what is new.</summary>
    public async Task<IReadOnlyList<RequestLogEntry>> PumpAsync(CancellationToken cancellationToken)
    {
        var entries = await fake.ReadAsync(action, _after, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return entries;
        }

        _after = entries[^1].Sequence;
        Cadence?.Add(entries);
        foreach (var entry in entries)
        {
            if (entry is { Action: "AbortChangeOrder", Code: "200" } && entry.Parameters.TryGetValue("ChangeOrderId", out var id))
            {
                _aborts.TryAdd(id, entry.At);
            }
        }

        return entries;
    }

    /// <summary>Pumps once a second until <paramref name="until"/> (a <see cref="DateTimeOffset.UtcNow"/> time).</summary>
    public async Task PumpUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (DateTimeOffset.UtcNow < until)
        {
            var left = until - DateTimeOffset.UtcNow;
            await Task.Delay(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            await PumpAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

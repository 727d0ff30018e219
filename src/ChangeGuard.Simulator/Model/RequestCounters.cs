namespace ChangeGuard.Simulator.Model;

/// <summary>
/// Monotonic request counters per instance for the plain Prometheus form of <c>/metrics</c>: each scrape adds what
/// each instance served since the previous one at the rates in force now.
/// </summary>
internal sealed class RequestCounters
{
    private readonly Dictionary<string, InstanceTotals> _totals = new(StringComparer.Ordinal);
    private DateTimeOffset? _lastAt;

    /// <summary>Adds <paramref name="scenarioSeconds"/> of traffic to each instance and returns the totals.</summary>
    public IReadOnlyDictionary<string, InstanceTotals> Advance(DateTimeOffset now, double timeScale, IEnumerable<InstanceRates> instances)
    {
        var scenarioSeconds = _lastAt is { } last ? Math.Max(0, (now - last).TotalSeconds * timeScale) : 0;
        _lastAt = now;
        foreach (var rates in instances)
        {
            var totals = _totals.GetValueOrDefault(rates.InstanceId) ?? new InstanceTotals();
            var requests = rates.RequestsPerSecond * scenarioSeconds;
            totals.Requests += requests;
            totals.Errors += requests * rates.ErrorRate;
            totals.Seconds += requests * rates.LatencyMs / 1000;
            _totals[rates.InstanceId] = totals;
        }

        return _totals;
    }
}

/// <summary>What one instance has served so far.</summary>
internal sealed class InstanceTotals
{
    public double Requests { get; set; }

    public double Errors { get; set; }

    public double Seconds { get; set; }
}

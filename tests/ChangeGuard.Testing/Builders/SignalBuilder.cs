using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Testing.Builders;

/// <summary>Signals for tests: a Prometheus query or an HTTP probe with test-friendly defaults.</summary>
public static class SignalBuilder
{
    /// <summary>A query signal: healthy while the value stays at or below <paramref name="threshold"/> unless said otherwise.</summary>
    public static SignalDefinition Prometheus(
        string name,
        string query,
        double threshold,
        SignalComparison comparison = SignalComparison.AtMost,
        NoDataRule noData = NoDataRule.Ignore,
        string? server = null,
        TimeSpan? window = null,
        int? failureLimit = null,
        int? consecutiveErrorLimit = null) => new()
    {
        Name = name,
        FailureLimit = failureLimit,
        ConsecutiveErrorLimit = consecutiveErrorLimit,
        Prometheus = new PrometheusSignal
        {
            Server = server,
            Query = query,
            Comparison = comparison,
            Threshold = threshold,
            NoData = noData,
            Window = window ?? TimeSpan.FromSeconds(10),
        },
    };

    /// <summary>An HTTP probe signal; change the probe with <paramref name="configure"/>.</summary>
    public static SignalDefinition Probe(string name, string url, Func<HttpProbeSignal, HttpProbeSignal>? configure = null, int? failureLimit = null, int? consecutiveErrorLimit = null)
    {
        var probe = new HttpProbeSignal { Url = url, TimeoutSeconds = 2 };
        return new SignalDefinition
        {
            Name = name,
            FailureLimit = failureLimit,
            ConsecutiveErrorLimit = consecutiveErrorLimit,
            Http = configure?.Invoke(probe) ?? probe,
        };
    }
}

namespace ChangeGuard.Testing.Signals;

/// <summary>Builds <c>ChangeGuard:Signals</c> settings for tests: Prometheus servers, probe secrets, probe targets.</summary>
public sealed class SignalSettings
{
    /// <summary>A probe header secret that is easy to spot in logs and history.</summary>
    public const string ProbeToken = "PROBE-TOKEN-recognisable-7f31";

    /// <summary>A Prometheus Basic auth password, recognisable.</summary>
    public const string PrometheusPassword = "PROM-PASSWORD-recognisable-a9c2";

    /// <summary>A Prometheus raw token, recognisable.</summary>
    public const string PrometheusToken = "PROM-TOKEN-recognisable-3be8";

    private readonly Dictionary<string, string?> _values = [];
    private int _targets;

    public SignalSettings Prometheus(string name, Uri url, string? username = null, string? password = null, string? token = null)
    {
        var prefix = $"ChangeGuard:Signals:Prometheus:{name}";
        _values[$"{prefix}:Url"] = url.ToString();
        _values[$"{prefix}:Username"] = username;
        _values[$"{prefix}:Password"] = password;
        _values[$"{prefix}:Token"] = token;
        _values[$"{prefix}:Timeout"] = "00:00:02";
        return this;
    }

    public SignalSettings Secret(string name, string value)
    {
        _values[$"ChangeGuard:Signals:Secrets:{name}"] = value;
        return this;
    }

    public SignalSettings ProbeTarget(string prefix)
    {
        _values[$"ChangeGuard:Signals:ProbeTargets:{_targets++}"] = prefix;
        return this;
    }

    public Dictionary<string, string?> Build(IDictionary<string, string?>? more = null)
    {
        var values = new Dictionary<string, string?>(_values.Where(v => v.Value is not null));
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}

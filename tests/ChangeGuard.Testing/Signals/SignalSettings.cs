using ChangeGuard.Testing.Options;

namespace ChangeGuard.Testing.Signals;

/// <summary>Builds <c>ChangeGuard:Signals</c> settings for tests: Prometheus servers, probe secrets, probe targets.</summary>
public sealed class SignalSettings : SettingsBuilder
{
    /// <summary>A probe header secret that is easy to spot in logs and history.</summary>
    public const string ProbeToken = "PROBE-TOKEN-recognisable-7f31";

    /// <summary>A Prometheus Basic auth password, recognisable.</summary>
    public const string PrometheusPassword = "PROM-PASSWORD-recognisable-a9c2";

    /// <summary>A Prometheus raw token, recognisable.</summary>
    public const string PrometheusToken = "PROM-TOKEN-recognisable-3be8";

    private int _targets;

    public SignalSettings Prometheus(string name, Uri url, string? username = null, string? password = null, string? token = null)
    {
        var prefix = $"ChangeGuard:Signals:Prometheus:{name}";
        Values[$"{prefix}:Url"] = url.ToString();
        Values[$"{prefix}:Username"] = username;
        Values[$"{prefix}:Password"] = password;
        Values[$"{prefix}:Token"] = token;
        Values[$"{prefix}:Timeout"] = "00:00:02";
        return this;
    }

    public SignalSettings Secret(string name, string value)
    {
        Values[$"ChangeGuard:Signals:Secrets:{name}"] = value;
        return this;
    }

    public SignalSettings ProbeTarget(string prefix)
    {
        Values[$"ChangeGuard:Signals:ProbeTargets:{_targets++}"] = prefix;
        return this;
    }
}

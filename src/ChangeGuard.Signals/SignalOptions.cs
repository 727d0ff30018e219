using ChangeGuard.Domain;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Signals;

/// <summary>
/// What signals may reach and with which credentials (section <c>ChangeGuard:Signals</c>): Prometheus servers by
/// name, secrets for probe headers by name, and the URL prefixes probes may call. Requests name these; they never
/// carry an address of a server or a secret, and a probe cannot reach what the operator did not allow.
/// </summary>
public sealed class SignalOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChangeGuard:Signals";

    /// <summary>Prometheus servers by name.</summary>
    public Dictionary<string, PrometheusServerOptions> Prometheus { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Secrets for probe headers by name.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>URL prefixes probes may call, such as <c>https://gate.example.com/checks/</c>.</summary>
    public List<string> ProbeTargets { get; set; } = [];

    /// <summary>The server a query names, or the only one configured when it names none.</summary>
    public PrometheusServerOptions? FindServer(string? name) =>
        name is null
            ? Prometheus.Count == 1 ? Prometheus.Values.First() : null
            : Prometheus.GetValueOrDefault(name);

    /// <summary>The problems with the configuration, named by setting.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        foreach (var (name, server) in Prometheus)
        {
            var at = $"{SectionName}:Prometheus:{name}";
            if (server.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.UserInfo.Length > 0)
            {
                errors.Add(new($"{at}:Url", "must be an absolute http or https URL without user information"));
            }

            if (server.Token is not null && (server.Username is not null || server.Password is not null))
            {
                errors.Add(new($"{at}:Token", "cannot be set together with Username and Password"));
            }

            if ((server.Username is null) != (server.Password is null))
            {
                errors.Add(new($"{at}:Username", "and Password must be set together"));
            }

            if (server.Timeout < TimeSpan.FromSeconds(1) || server.Timeout > TimeSpan.FromMinutes(2))
            {
                errors.Add(new($"{at}:Timeout", "must be between 00:00:01 and 00:02:00"));
            }
        }

        for (var i = 0; i < ProbeTargets.Count; i++)
        {
            if (!ProbeTargetAllowList.TryParseEntry(ProbeTargets[i], out _))
            {
                errors.Add(new($"{SectionName}:ProbeTargets:{i}", "must be an absolute http or https URL prefix without user information, query or fragment"));
            }
        }

        return errors;
    }

    /// <summary>Checks a policy's signals against what is configured: servers, secrets and probe targets exist.</summary>
    public IReadOnlyList<ValidationError> Check(IReadOnlyList<SignalDefinition?> signals, string prefix)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var errors = new List<ValidationError>();
        var allowList = new ProbeTargetAllowList(ProbeTargets);
        for (var i = 0; i < signals.Count; i++)
        {
            var at = $"{prefix}[{i}]";
            if (signals[i]?.Prometheus is { } query && FindServer(query.Server) is null)
            {
                var known = Prometheus.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", Prometheus.Keys.Order(StringComparer.Ordinal));
                errors.Add(new($"{at}.prometheus.server", query.Server is null
                    ? $"must name a server under {SectionName}:Prometheus ({known})"
                    : $"'{Clip(query.Server)}' is not a server under {SectionName}:Prometheus ({known})"));
            }

            if (signals[i]?.Http is not { } probe)
            {
                continue;
            }

            if (Uri.TryCreate(probe.Url, UriKind.Absolute, out var url) && !allowList.Allows(url))
            {
                errors.Add(new($"{at}.http.url", ProbeTargets.Count == 0
                    ? $"is not an allowed probe target: none is configured under {SectionName}:ProbeTargets"
                    : $"'{Clip(url.GetLeftPart(UriPartial.Path))}' is not under an allowed probe target ({SectionName}:ProbeTargets: {string.Join(", ", ProbeTargets)})"));
            }

            for (var h = 0; h < (probe.Headers ?? []).Count; h++)
            {
                if (probe.Headers![h].ValueFrom is { Length: > 0 } secret && !Secrets.ContainsKey(secret))
                {
                    errors.Add(new($"{at}.http.headers[{h}].valueFrom", $"'{Clip(secret)}' is not a secret under {SectionName}:Secrets"));
                }
            }
        }

        return errors;
    }

    private static string Clip(string value) => value.Length <= 128 ? value : value[..128] + "…";
}

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// A PromQL instant query (<c>/api/v1/query</c>) whose value is compared with a threshold. The server and its
/// credentials are configured by name (<c>ChangeGuard:Signals:Prometheus:{name}</c>), never written in a request.
/// </summary>
public sealed record PrometheusSignal
{
    /// <summary>Longest query accepted.</summary>
    public const int MaxQueryLength = 4000;

    /// <summary>The configured server's name; may be left out when exactly one server is configured.</summary>
    public string? Server { get; init; }

    /// <summary>The PromQL with placeholders <c>{{appId}}</c>, <c>{{appName}}</c>, <c>{{changeOrderId}}</c>, <c>{{regionId}}</c>, <c>{{window}}</c>.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>How the value must compare with <see cref="Threshold"/> to be healthy.</summary>
    public SignalComparison Comparison { get; init; } = SignalComparison.AtMost;

    /// <summary>The threshold.</summary>
    public double Threshold { get; init; }

    /// <summary>What an empty result (or NaN, such as 0/0 without traffic) means.</summary>
    public NoDataRule NoData { get; init; } = NoDataRule.Ignore;

    /// <summary>The value of <c>{{window}}</c>: the range each poll looks back over (1 s to 24 h; default 1 m).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The problems with this query, fields named under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<ValidationError> Validate(string prefix)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(Query) || Query.Length > MaxQueryLength)
        {
            errors.Add(new($"{prefix}.query", $"is required, at most {MaxQueryLength} characters"));
        }
        else if (QueryPlaceholders.Unknown(Query) is { } unknown)
        {
            errors.Add(new($"{prefix}.query", $"has an unknown placeholder {{{{{unknown}}}}}; known: {string.Join(", ", QueryPlaceholders.Names.Select(n => "{{" + n + "}}"))}"));
        }

        if (!Enum.IsDefined(Comparison))
        {
            errors.Add(new($"{prefix}.comparison", "must be <= or >="));
        }

        if (!double.IsFinite(Threshold))
        {
            errors.Add(new($"{prefix}.threshold", "must be a finite number"));
        }

        if (!Enum.IsDefined(NoData))
        {
            errors.Add(new($"{prefix}.noData", "must be breach, ignore or error"));
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromHours(24))
        {
            errors.Add(new($"{prefix}.window", "must be between 1s and 24h"));
        }

        return errors;
    }
}

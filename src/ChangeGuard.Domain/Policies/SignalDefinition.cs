using System.Text.RegularExpressions;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// One health signal of a watch beyond SAE's instance status: a Prometheus query or an HTTP probe, judged every poll
/// into the same verdicts as the instance signal. Its limits default to the policy's, so a noisy signal can be given
/// more patience without loosening the rest.
/// </summary>
public sealed partial record SignalDefinition
{
    /// <summary>Most signals one watch may have.</summary>
    public const int MaxSignals = 10;

    /// <summary>The signal's name, used in evidence, the timeline and the status (1 to 64 letters, digits or <c>-_.</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Breaching polls in a row before an abort (1 to 100); null uses the policy's <c>failureLimit</c>.</summary>
    public int? FailureLimit { get; init; }

    /// <summary>Unreadable polls in a row before <c>onErrorLimit</c> applies (1 to 100); null uses the policy's.</summary>
    public int? ConsecutiveErrorLimit { get; init; }

    /// <summary>A PromQL instant query compared with a threshold.</summary>
    public PrometheusSignal? Prometheus { get; init; }

    /// <summary>An HTTP probe in the manner of Argo Rollouts' web metric or Flagger's webhook check.</summary>
    public HttpProbeSignal? Http { get; init; }

    /// <summary>The problems with this signal, fields named under <paramref name="prefix"/> (<c>policy.signals[0]</c>).</summary>
    public IReadOnlyList<ValidationError> Validate(string prefix)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            errors.Add(new($"{prefix}.name", "is required: 1 to 64 letters, digits or -_. characters"));
        }

        if (FailureLimit is { } failureLimit && failureLimit is < 1 or > 100)
        {
            errors.Add(new($"{prefix}.failureLimit", "must be between 1 and 100"));
        }

        if (ConsecutiveErrorLimit is { } errorLimit && errorLimit is < 1 or > 100)
        {
            errors.Add(new($"{prefix}.consecutiveErrorLimit", "must be between 1 and 100"));
        }

        switch (Prometheus, Http)
        {
            case (null, null):
                errors.Add(new(prefix, "needs one of prometheus or http"));
                break;
            case (not null, not null):
                errors.Add(new(prefix, "must have one of prometheus or http, not both"));
                break;
            case (not null, null):
                errors.AddRange(Prometheus.Validate($"{prefix}.prometheus"));
                break;
            default:
                errors.AddRange(Http!.Validate($"{prefix}.http"));
                break;
        }

        return errors;
    }

    /// <summary>Checks a policy's list of signals: each signal, their number and unique names.</summary>
    public static IReadOnlyList<ValidationError> ValidateAll(IReadOnlyList<SignalDefinition?>? signals, string prefix)
    {
        var errors = new List<ValidationError>();
        if (signals is null)
        {
            return errors;
        }

        if (signals.Count > MaxSignals)
        {
            errors.Add(new(prefix, $"must hold at most {MaxSignals} signals"));
            return errors;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < signals.Count; i++)
        {
            if (signals[i] is not { } signal)
            {
                errors.Add(new($"{prefix}[{i}]", "must be a signal object"));
                continue;
            }

            errors.AddRange(signal.Validate($"{prefix}[{i}]"));
            if (!string.IsNullOrEmpty(signal.Name) && !names.Add(signal.Name))
            {
                errors.Add(new($"{prefix}[{i}].name", $"'{signal.Name}' is used by another signal"));
            }
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex NamePattern();
}

using System.Text.Json;
using ChangeGuard.Domain.Json;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// How one change order is judged and when it is aborted. Defaults follow what users of Argo Rollouts and Flagger
/// expect (two bad checks in a row abort; four unreadable polls in a row abort, the safe choice). The defaults are
/// declared here; each field's doc and bounds are declared once in <see cref="PolicyFields"/>, which
/// <see cref="Validate"/> checks.
/// </summary>
public sealed record WatchPolicy
{
    /// <summary>The defaults, before configuration or a request overrides them.</summary>
    public static WatchPolicy Default { get; } = new();

    /// <summary>Time between polls (<see cref="PolicyFields.PollInterval"/>).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time before the first poll (<see cref="PolicyFields.InitialDelay"/>).</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long the change order may run, counted from the watch's start, before it is aborted (<see cref="PolicyFields.Timeout"/>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Consecutive breaching checks before an abort; critical signals abort at once (<see cref="PolicyFields.FailureLimit"/>).</summary>
    public int FailureLimit { get; init; } = 2;

    /// <summary>Consecutive polls that could not read SAE before <see cref="OnErrorLimit"/> applies (<see cref="PolicyFields.ConsecutiveErrorLimit"/>).</summary>
    public int ConsecutiveErrorLimit { get; init; } = 4;

    /// <summary>What to do when <see cref="ConsecutiveErrorLimit"/> is reached.</summary>
    public OnErrorLimit OnErrorLimit { get; init; } = OnErrorLimit.Abort;

    /// <summary>Largest share of the new version's instances that may be unavailable (<see cref="PolicyFields.MaxUnavailableRatio"/>).</summary>
    public double MaxUnavailableRatio { get; init; } = 0.25;

    /// <summary>Most restarts any instance may make since the watch started (<see cref="PolicyFields.MaxRestarts"/>).</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>Whether an abort also asks SAE to roll back; false stops the change where it is.</summary>
    public bool Rollback { get; init; } = true;

    /// <summary>Evaluate and report "would abort", never call AbortChangeOrder.</summary>
    public bool DryRun { get; init; }

    /// <summary>How long the abort may keep retrying (busy, throttled) before it is reported failed (<see cref="PolicyFields.AbortDeadline"/>).</summary>
    public TimeSpan AbortDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most abort attempts (<see cref="PolicyFields.MaxAbortAttempts"/>).</summary>
    public int MaxAbortAttempts { get; init; } = 10;

    /// <summary>How long to wait for an accepted abort to reach a terminal status (<see cref="PolicyFields.AbortConfirmTimeout"/>).</summary>
    public TimeSpan AbortConfirmTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Whether and when a healthy batch of a manual release is confirmed (off by default).</summary>
    public PromotePolicy Promote { get; init; } = new();

    /// <summary>Health signals beyond SAE's instance status (Prometheus queries, HTTP probes), judged every poll.</summary>
    public IReadOnlyList<SignalDefinition> Signals { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(WatchPolicy? other) =>
        other is not null && PolicyFields.All.All(f => f.Same(this, other)) && SignalsEqual(Signals, other.Signals);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var field in PolicyFields.All)
        {
            hash.Add(field.ValueIn(this));
        }

        hash.Add(Signals.Count);
        return hash.ToHashCode();
    }

    /// <summary>
    /// The problems with this policy, empty when it is valid; fields are named under <paramref name="prefix"/>. Each
    /// field's bounds and message come from <see cref="PolicyFields"/>.
    /// </summary>
    public IReadOnlyList<ValidationError> Validate(string prefix = "policy")
    {
        var errors = PolicyFields.All.Select(f => f.Check(this, prefix)).OfType<ValidationError>().ToList();
        if (Promote.Enabled && Promote.BakeTime >= Timeout && errors.Count == 0)
        {
            // The timeout counts from the watch's start: a bake as long would end every watch before its first promotion.
            errors.Add(new ValidationError($"{prefix}.{PolicyFields.PromoteBakeTime.Name}", $"must be shorter than timeout ({DurationFormat.Format(Timeout)}), or no batch could ever be promoted"));
        }

        errors.AddRange(SignalDefinition.ValidateAll(Signals, $"{prefix}.signals"));
        return errors;
    }

    // Signals hold lists and JSON bodies, which records compare by reference: compare them as JSON.
    private static bool SignalsEqual(IReadOnlyList<SignalDefinition> left, IReadOnlyList<SignalDefinition> right) =>
        left.Count == right.Count
        && (left.Count == 0 || JsonSerializer.Serialize(left, ChangeGuardJson.Options) == JsonSerializer.Serialize(right, ChangeGuardJson.Options));
}

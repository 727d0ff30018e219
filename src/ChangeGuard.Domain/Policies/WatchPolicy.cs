using System.Text.Json;
using ChangeGuard.Domain.Json;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// How one change order is judged and when it is aborted. Defaults follow what users of Argo Rollouts and Flagger
/// expect (two bad checks in a row abort; four unreadable polls in a row abort, the safe choice); every bound is
/// checked by <see cref="Validate"/>.
/// </summary>
public sealed record WatchPolicy
{
    /// <summary>The defaults, before configuration or a request overrides them.</summary>
    public static WatchPolicy Default { get; } = new();

    /// <summary>Time between polls (1 s to 10 min).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time before the first poll (0 to 1 h).</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long the change order may run, counted from the watch's start, before it is aborted (at most 24 h).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Consecutive breaching checks before an abort (1 to 100); critical signals abort at once.</summary>
    public int FailureLimit { get; init; } = 2;

    /// <summary>Consecutive polls that could not read SAE before <see cref="OnErrorLimit"/> applies (1 to 100).</summary>
    public int ConsecutiveErrorLimit { get; init; } = 4;

    /// <summary>What to do when <see cref="ConsecutiveErrorLimit"/> is reached.</summary>
    public OnErrorLimit OnErrorLimit { get; init; } = OnErrorLimit.Abort;

    /// <summary>Largest share of the new version's instances that may be unavailable (0 to 1).</summary>
    public double MaxUnavailableRatio { get; init; } = 0.25;

    /// <summary>Most restarts any instance may make since the watch started (0 to 1000).</summary>
    public int MaxRestarts { get; init; } = 3;

    /// <summary>Whether an abort also asks SAE to roll back; false stops the change where it is.</summary>
    public bool Rollback { get; init; } = true;

    /// <summary>Evaluate and report "would abort", never call AbortChangeOrder.</summary>
    public bool DryRun { get; init; }

    /// <summary>How long the abort may keep retrying (busy, throttled) before it is reported failed (10 s to 1 h).</summary>
    public TimeSpan AbortDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most abort attempts (1 to 50).</summary>
    public int MaxAbortAttempts { get; init; } = 10;

    /// <summary>How long to wait for an accepted abort to reach a terminal status (10 s to 1 h).</summary>
    public TimeSpan AbortConfirmTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Health signals beyond SAE's instance status (Prometheus queries, HTTP probes), judged every poll.</summary>
    public IReadOnlyList<SignalDefinition> Signals { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(WatchPolicy? other) =>
        other is not null
        && PollInterval == other.PollInterval && InitialDelay == other.InitialDelay && Timeout == other.Timeout
        && FailureLimit == other.FailureLimit && ConsecutiveErrorLimit == other.ConsecutiveErrorLimit && OnErrorLimit == other.OnErrorLimit
        && MaxUnavailableRatio.Equals(other.MaxUnavailableRatio) && MaxRestarts == other.MaxRestarts
        && Rollback == other.Rollback && DryRun == other.DryRun
        && AbortDeadline == other.AbortDeadline && MaxAbortAttempts == other.MaxAbortAttempts && AbortConfirmTimeout == other.AbortConfirmTimeout
        && SignalsEqual(Signals, other.Signals);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PollInterval, Timeout, FailureLimit, ConsecutiveErrorLimit, MaxUnavailableRatio, MaxRestarts, DryRun, Signals.Count);

    /// <summary>The problems with this policy, empty when it is valid; fields are named under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<ValidationError> Validate(string prefix = "policy")
    {
        var errors = new List<ValidationError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new ValidationError($"{prefix}.{field}", message));
            }
        }

        Check(PollInterval >= TimeSpan.FromSeconds(1) && PollInterval <= TimeSpan.FromMinutes(10), "pollInterval", "must be between 1s and 10m");
        Check(InitialDelay >= TimeSpan.Zero && InitialDelay <= TimeSpan.FromHours(1), "initialDelay", "must be between 0s and 1h");
        Check(Timeout >= PollInterval && Timeout <= TimeSpan.FromHours(24), "timeout", "must be at least pollInterval and at most 24h");
        Check(FailureLimit is >= 1 and <= 100, "failureLimit", "must be between 1 and 100");
        Check(ConsecutiveErrorLimit is >= 1 and <= 100, "consecutiveErrorLimit", "must be between 1 and 100");
        Check(Enum.IsDefined(OnErrorLimit), "onErrorLimit", "must be abort or stopWatching");
        Check(MaxUnavailableRatio is >= 0 and <= 1, "maxUnavailableRatio", "must be between 0 and 1");
        Check(MaxRestarts is >= 0 and <= 1000, "maxRestarts", "must be between 0 and 1000");
        Check(AbortDeadline >= TimeSpan.FromSeconds(10) && AbortDeadline <= TimeSpan.FromHours(1), "abortDeadline", "must be between 10s and 1h");
        Check(MaxAbortAttempts is >= 1 and <= 50, "maxAbortAttempts", "must be between 1 and 50");
        Check(AbortConfirmTimeout >= TimeSpan.FromSeconds(10) && AbortConfirmTimeout <= TimeSpan.FromHours(1), "abortConfirmTimeout", "must be between 10s and 1h");
        errors.AddRange(SignalDefinition.ValidateAll(Signals, $"{prefix}.signals"));
        return errors;
    }

    // Signals hold lists and JSON bodies, which records compare by reference: compare them as JSON.
    private static bool SignalsEqual(IReadOnlyList<SignalDefinition> left, IReadOnlyList<SignalDefinition> right) =>
        left.Count == right.Count
        && (left.Count == 0 || JsonSerializer.Serialize(left, ChangeGuardJson.Options) == JsonSerializer.Serialize(right, ChangeGuardJson.Options));
}

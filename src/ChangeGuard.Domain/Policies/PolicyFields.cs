namespace ChangeGuard.Domain.Policies;

/// <summary>
/// The watch policy's fields, declared once: JSON name, one-line doc, bounds and typed access. Defaults stay on
/// <see cref="WatchPolicy"/>, where the record declares them; everything else that lists the fields (validation and
/// its messages, <see cref="WatchPolicyOverrides.ApplyTo"/>, equality, the CLI's policy options and their help)
/// reads this table. <see cref="WatchPolicy.Signals"/> is not a field here: it is a list, not a value with bounds.
/// </summary>
public static class PolicyFields
{
    /// <summary><see cref="WatchPolicy.PollInterval"/>.</summary>
    public static PolicyField<TimeSpan> PollInterval { get; } = new(
        "pollInterval", "time between polls",
        p => p.PollInterval, (p, v) => p with { PollInterval = v }, o => o.PollInterval, (o, v) => o with { PollInterval = v })
    {
        Min = TimeSpan.FromSeconds(1),
        Max = TimeSpan.FromMinutes(10),
    };

    /// <summary><see cref="WatchPolicy.InitialDelay"/>.</summary>
    public static PolicyField<TimeSpan> InitialDelay { get; } = new(
        "initialDelay", "wait before the first poll",
        p => p.InitialDelay, (p, v) => p with { InitialDelay = v }, o => o.InitialDelay, (o, v) => o with { InitialDelay = v })
    {
        Min = TimeSpan.Zero,
        Max = TimeSpan.FromHours(1),
    };

    /// <summary><see cref="WatchPolicy.Timeout"/>.</summary>
    public static PolicyField<TimeSpan> Timeout { get; } = new(
        "timeout", "abort when the change runs longer than this, counted from the watch's start",
        p => p.Timeout, (p, v) => p with { Timeout = v }, o => o.Timeout, (o, v) => o with { Timeout = v })
    {
        AtLeast = PollInterval,
        Max = TimeSpan.FromHours(24),
    };

    /// <summary><see cref="WatchPolicy.FailureLimit"/>.</summary>
    public static PolicyField<int> FailureLimit { get; } = new(
        "failureLimit", "breaching polls in a row before an abort; critical signals abort at once",
        p => p.FailureLimit, (p, v) => p with { FailureLimit = v }, o => o.FailureLimit, (o, v) => o with { FailureLimit = v })
    {
        Min = 1,
        Max = 100,
    };

    /// <summary><see cref="WatchPolicy.ConsecutiveErrorLimit"/>.</summary>
    public static PolicyField<int> ConsecutiveErrorLimit { get; } = new(
        "consecutiveErrorLimit", "polls in a row that could not read SAE before onErrorLimit applies",
        p => p.ConsecutiveErrorLimit, (p, v) => p with { ConsecutiveErrorLimit = v }, o => o.ConsecutiveErrorLimit, (o, v) => o with { ConsecutiveErrorLimit = v })
    {
        Min = 1,
        Max = 100,
    };

    /// <summary><see cref="WatchPolicy.OnErrorLimit"/>.</summary>
    public static PolicyField<OnErrorLimit> OnErrorLimit { get; } = new(
        "onErrorLimit", "what to do when consecutiveErrorLimit is reached",
        p => p.OnErrorLimit, (p, v) => p with { OnErrorLimit = v }, o => o.OnErrorLimit, (o, v) => o with { OnErrorLimit = v });

    /// <summary><see cref="WatchPolicy.MaxUnavailableRatio"/>.</summary>
    public static PolicyField<double> MaxUnavailableRatio { get; } = new(
        "maxUnavailableRatio", "largest share of the new version's instances that may be unavailable",
        p => p.MaxUnavailableRatio, (p, v) => p with { MaxUnavailableRatio = v }, o => o.MaxUnavailableRatio, (o, v) => o with { MaxUnavailableRatio = v })
    {
        Min = 0,
        Max = 1,
    };

    /// <summary><see cref="WatchPolicy.MaxRestarts"/>.</summary>
    public static PolicyField<int> MaxRestarts { get; } = new(
        "maxRestarts", "most restarts any instance may make since the watch started",
        p => p.MaxRestarts, (p, v) => p with { MaxRestarts = v }, o => o.MaxRestarts, (o, v) => o with { MaxRestarts = v })
    {
        Min = 0,
        Max = 1000,
    };

    /// <summary><see cref="WatchPolicy.Rollback"/>.</summary>
    public static PolicyField<bool> Rollback { get; } = new(
        "rollback", "roll the change back when aborting it",
        p => p.Rollback, (p, v) => p with { Rollback = v }, o => o.Rollback, (o, v) => o with { Rollback = v });

    /// <summary><see cref="WatchPolicy.DryRun"/>.</summary>
    public static PolicyField<bool> DryRun { get; } = new(
        "dryRun", "report 'would abort' and never abort",
        p => p.DryRun, (p, v) => p with { DryRun = v }, o => o.DryRun, (o, v) => o with { DryRun = v });

    /// <summary><see cref="WatchPolicy.AbortDeadline"/>.</summary>
    public static PolicyField<TimeSpan> AbortDeadline { get; } = new(
        "abortDeadline", "how long an abort may keep retrying (busy, throttled) before it is reported failed",
        p => p.AbortDeadline, (p, v) => p with { AbortDeadline = v }, o => o.AbortDeadline, (o, v) => o with { AbortDeadline = v })
    {
        Min = TimeSpan.FromSeconds(10),
        Max = TimeSpan.FromHours(1),
    };

    /// <summary><see cref="WatchPolicy.MaxAbortAttempts"/>.</summary>
    public static PolicyField<int> MaxAbortAttempts { get; } = new(
        "maxAbortAttempts", "most abort attempts",
        p => p.MaxAbortAttempts, (p, v) => p with { MaxAbortAttempts = v }, o => o.MaxAbortAttempts, (o, v) => o with { MaxAbortAttempts = v })
    {
        Min = 1,
        Max = 50,
    };

    /// <summary><see cref="WatchPolicy.AbortConfirmTimeout"/>.</summary>
    public static PolicyField<TimeSpan> AbortConfirmTimeout { get; } = new(
        "abortConfirmTimeout", "how long to wait for an accepted abort to take effect",
        p => p.AbortConfirmTimeout, (p, v) => p with { AbortConfirmTimeout = v }, o => o.AbortConfirmTimeout, (o, v) => o with { AbortConfirmTimeout = v })
    {
        Min = TimeSpan.FromSeconds(10),
        Max = TimeSpan.FromHours(1),
    };

    /// <summary><see cref="PromotePolicy.Enabled"/>.</summary>
    public static PolicyField<bool> PromoteEnabled { get; } = new(
        "promote.enabled", "confirm the next batch of a manual release once the finished one has baked healthy",
        p => p.Promote.Enabled, (p, v) => p with { Promote = p.Promote with { Enabled = v } },
        o => o.Promote?.Enabled, (o, v) => o with { Promote = (o.Promote ?? new()) with { Enabled = v } });

    /// <summary><see cref="PromotePolicy.BakeTime"/>.</summary>
    public static PolicyField<TimeSpan> PromoteBakeTime { get; } = new(
        "promote.bakeTime", "how long the finished batch must stay healthy before the next is confirmed",
        p => p.Promote.BakeTime, (p, v) => p with { Promote = p.Promote with { BakeTime = v } },
        o => o.Promote?.BakeTime, (o, v) => o with { Promote = (o.Promote ?? new()) with { BakeTime = v } })
    {
        Min = TimeSpan.Zero,
        Max = TimeSpan.FromHours(24),
    };

    /// <summary><see cref="PromotePolicy.MinHealthyPolls"/>.</summary>
    public static PolicyField<int> PromoteMinHealthyPolls { get; } = new(
        "promote.minHealthyPolls", "healthy polls in a row the bake needs as well",
        p => p.Promote.MinHealthyPolls, (p, v) => p with { Promote = p.Promote with { MinHealthyPolls = v } },
        o => o.Promote?.MinHealthyPolls, (o, v) => o with { Promote = (o.Promote ?? new()) with { MinHealthyPolls = v } })
    {
        Min = 1,
        Max = 1000,
    };

    /// <summary><see cref="PromotePolicy.RequireSignalData"/>.</summary>
    public static PolicyField<bool> PromoteRequireSignalData { get; } = new(
        "promote.requireSignalData", "count a poll toward the bake only when every signal passed (not merely had no breach)",
        p => p.Promote.RequireSignalData, (p, v) => p with { Promote = p.Promote with { RequireSignalData = v } },
        o => o.Promote?.RequireSignalData, (o, v) => o with { Promote = (o.Promote ?? new()) with { RequireSignalData = v } });

    /// <summary><see cref="PromotePolicy.LastBatch"/>.</summary>
    public static PolicyField<int> PromoteLastBatch { get; } = new(
        "promote.lastBatch", "the last batch ChangeGuard may start: 0 every batch, N up to batch N, -N all but the final N",
        p => p.Promote.LastBatch, (p, v) => p with { Promote = p.Promote with { LastBatch = v } },
        o => o.Promote?.LastBatch, (o, v) => o with { Promote = (o.Promote ?? new()) with { LastBatch = v } })
    {
        Min = -100,
        Max = 100,
    };

    /// <summary>Every field, in the order validation reports them.</summary>
    public static IReadOnlyList<PolicyField> All { get; } =
    [
        PollInterval, InitialDelay, Timeout, FailureLimit, ConsecutiveErrorLimit, OnErrorLimit, MaxUnavailableRatio,
        MaxRestarts, Rollback, DryRun, AbortDeadline, MaxAbortAttempts, AbortConfirmTimeout,
        PromoteEnabled, PromoteBakeTime, PromoteMinHealthyPolls, PromoteRequireSignalData, PromoteLastBatch,
    ];

    /// <summary>The field with this JSON name (<c>pollInterval</c>), or null.</summary>
    public static PolicyField? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// The policy fields a watch request may override; a field left null keeps the configured default. The typed nullable
/// properties are what JSON binds (so a bad value is named by its path, <c>policy.failureLimit</c>); each one is tied to
/// its <see cref="WatchPolicy"/> property by <see cref="PolicyFields"/>, which <see cref="ApplyTo"/> walks.
/// </summary>
public sealed record WatchPolicyOverrides
{
    /// <summary>See <see cref="WatchPolicy.PollInterval"/>.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>See <see cref="WatchPolicy.InitialDelay"/>.</summary>
    public TimeSpan? InitialDelay { get; init; }

    /// <summary>See <see cref="WatchPolicy.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>See <see cref="WatchPolicy.FailureLimit"/>.</summary>
    public int? FailureLimit { get; init; }

    /// <summary>See <see cref="WatchPolicy.ConsecutiveErrorLimit"/>.</summary>
    public int? ConsecutiveErrorLimit { get; init; }

    /// <summary>See <see cref="WatchPolicy.OnErrorLimit"/>.</summary>
    public OnErrorLimit? OnErrorLimit { get; init; }

    /// <summary>See <see cref="WatchPolicy.MaxUnavailableRatio"/>.</summary>
    public double? MaxUnavailableRatio { get; init; }

    /// <summary>See <see cref="WatchPolicy.MaxRestarts"/>.</summary>
    public int? MaxRestarts { get; init; }

    /// <summary>See <see cref="WatchPolicy.Rollback"/>.</summary>
    public bool? Rollback { get; init; }

    /// <summary>See <see cref="WatchPolicy.DryRun"/>.</summary>
    public bool? DryRun { get; init; }

    /// <summary>See <see cref="WatchPolicy.AbortDeadline"/>.</summary>
    public TimeSpan? AbortDeadline { get; init; }

    /// <summary>See <see cref="WatchPolicy.MaxAbortAttempts"/>.</summary>
    public int? MaxAbortAttempts { get; init; }

    /// <summary>See <see cref="WatchPolicy.AbortConfirmTimeout"/>.</summary>
    public TimeSpan? AbortConfirmTimeout { get; init; }

    /// <summary>See <see cref="WatchPolicy.Promote"/>: the fields given; a section without <c>enabled</c> turns promotion on.</summary>
    public PromoteOverrides? Promote { get; init; }

    /// <summary>See <see cref="WatchPolicy.Signals"/>; null keeps the configured signals, empty means none.</summary>
    public IReadOnlyList<SignalDefinition>? Signals { get; init; }

    /// <summary>
    /// The notification channels to tell (names under <c>ChangeGuard:Notifications:Channels</c>); null means the
    /// configured defaults (<c>ChangeGuard:Notifications:Default</c>), empty means none. The watch API checks the
    /// names against the configuration when the watch starts; <see cref="ApplyTo"/> leaves them alone.
    /// </summary>
    public IReadOnlyList<string>? Notify { get; init; }

    /// <summary>The defaults with these overrides applied, field by field as <see cref="PolicyFields"/> lists them.</summary>
    public WatchPolicy ApplyTo(WatchPolicy defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var policy = defaults with { Signals = Signals ?? defaults.Signals };
        foreach (var field in PolicyFields.All)
        {
            policy = field.ApplyOverride(this, policy);
        }

        return Promote is { Enabled: null } ? policy with { Promote = policy.Promote with { Enabled = true } } : policy;
    }
}

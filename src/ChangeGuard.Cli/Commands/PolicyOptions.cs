using ChangeGuard.Cli.Parsing;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Cli.Commands;

/// <summary>The policy fields as command-line options, named after the fields (<c>pollInterval</c> → <c>--poll-interval</c>).</summary>
public static class PolicyOptions
{
    /// <summary>Every policy option.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new("--poll-interval", "DURATION", "time between polls (default 15s; 1s to 10m)"),
        new("--initial-delay", "DURATION", "wait before the first poll (default 0s)"),
        new("--timeout", "DURATION", "abort when the change runs longer than this (default 30m; at most 24h)"),
        new("--failure-limit", "N", "breaching polls in a row before an abort (default 2)"),
        new("--consecutive-error-limit", "N", "unreadable polls in a row before --on-error-limit applies (default 4)"),
        new("--on-error-limit", "abort|stopWatching", "what to do then (default abort)"),
        new("--max-unavailable-ratio", "RATIO", "largest share of unavailable new instances (default 0.25)"),
        new("--max-restarts", "N", "most restarts per instance since the watch started (default 3)"),
        new("--no-rollback", null, "abort without rolling back (default: roll back)"),
        new("--dry-run", null, "report 'would abort' and never abort"),
        new("--abort-deadline", "DURATION", "how long an abort may keep retrying (default 10m)"),
        new("--max-abort-attempts", "N", "most abort attempts (default 10)"),
        new("--abort-confirm-timeout", "DURATION", "wait for an accepted abort to take effect (default 3m)"),
    ];

    /// <summary>The overrides the options give.</summary>
    public static WatchPolicyOverrides Read(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        OnErrorLimit? onErrorLimit = args.Text("--on-error-limit") switch
        {
            null => null,
            var text when Enum.TryParse<OnErrorLimit>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _) => parsed,
            var text => throw new CliUsageException($"--on-error-limit must be abort or stopWatching, not '{text}'"),
        };

        return new WatchPolicyOverrides
        {
            PollInterval = args.Duration("--poll-interval"),
            InitialDelay = args.Duration("--initial-delay"),
            Timeout = args.Duration("--timeout"),
            FailureLimit = args.Int("--failure-limit"),
            ConsecutiveErrorLimit = args.Int("--consecutive-error-limit"),
            OnErrorLimit = onErrorLimit,
            MaxUnavailableRatio = args.Number("--max-unavailable-ratio"),
            MaxRestarts = args.Int("--max-restarts"),
            Rollback = args.Flag("--no-rollback") is true ? false : null,
            DryRun = args.Flag("--dry-run"),
            AbortDeadline = args.Duration("--abort-deadline"),
            MaxAbortAttempts = args.Int("--max-abort-attempts"),
            AbortConfirmTimeout = args.Duration("--abort-confirm-timeout"),
        };
    }

    /// <summary>The option a validation error refers to: <c>policy.pollInterval</c> → <c>--poll-interval</c>, <c>regionId</c> → <c>--region</c>.</summary>
    public static string OptionFor(string field)
    {
        var name = field.StartsWith("policy.", StringComparison.Ordinal) ? field["policy.".Length..] : field;
        if (name.StartsWith("signals", StringComparison.Ordinal))
        {
            return $"--signals ({name})";
        }

        return name switch
        {
            "regionId" => "--region",
            "credentials" => "credentials",
            _ => "--" + string.Concat(name.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())),
        };
    }
}

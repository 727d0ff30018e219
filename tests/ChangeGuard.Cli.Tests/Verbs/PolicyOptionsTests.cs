using System.CommandLine;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Verbs;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Cli.Tests.Verbs;

public sealed class PolicyOptionsTests
{
    private static (PolicyOptions Options, ParseResult Parse) Parse(params string[] args)
    {
        var options = new PolicyOptions();
        var command = new Command("watch");
        foreach (var option in options.All)
        {
            command.Add(option);
        }

        return (options, new RootCommand { command }.Parse(["watch", .. args]));
    }

    [Fact]
    public void All_EveryPolicyField_HasItsOptionInTableOrder()
    {
        // Act
        var names = new PolicyOptions().All.Select(o => o.Name);

        // Assert
        Assert.Equal(PolicyFields.All.Select(PolicyOptions.NameOf), names);
    }

    [Theory]
    [InlineData("pollInterval", "--poll-interval")]
    [InlineData("maxUnavailableRatio", "--max-unavailable-ratio")]
    [InlineData("onErrorLimit", "--on-error-limit")]
    [InlineData("rollback", "--no-rollback")]
    [InlineData("dryRun", "--dry-run")]
    [InlineData("promote.bakeTime", "--promote-bake-time")]
    [InlineData("promote.requireSignalData", "--no-promote-require-signal-data")]
    public void NameOf_Field_IsKebabCaseAndNoForFlagsOnByDefault(string field, string expected)
    {
        // Act
        var name = PolicyOptions.NameOf(PolicyFields.Find(field)!);

        // Assert
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("--poll-interval", "time between polls (default 15s; 1s to 10m)")]
    [InlineData("--timeout", "abort when the change runs longer than this, counted from the watch's start (default 30m; at least pollInterval, at most 24h)")]
    [InlineData("--on-error-limit", "what to do when consecutiveErrorLimit is reached (default abort)")]
    [InlineData("--no-rollback", "do not roll the change back when aborting it")]
    public void All_Help_IsTheFieldsDocWithDefaultAndBounds(string option, string expected)
    {
        // Act
        var help = new PolicyOptions().All.Single(o => o.Name == option).Description;

        // Assert
        Assert.Equal(expected, help);
    }

    [Fact]
    public void Read_NoOptions_OverridesNothing()
    {
        // Arrange
        var (options, parse) = Parse();

        // Act
        var overrides = options.Read(parse);

        // Assert
        Assert.Equal(new WatchPolicyOverrides(), overrides);
    }

    [Fact]
    public void Read_EveryOption_OverridesEveryField()
    {
        // Arrange
        var (options, parse) = Parse(
            "--poll-interval", "5s", "--initial-delay", "30s", "--timeout", "2h", "--failure-limit", "4", "--consecutive-error-limit", "8",
            "--on-error-limit", "stopWatching", "--max-unavailable-ratio", "0.5", "--max-restarts", "0", "--no-rollback", "--dry-run",
            "--abort-deadline", "1m", "--max-abort-attempts", "3", "--abort-confirm-timeout", "20s",
            "--promote-enabled", "--promote-bake-time", "10m", "--promote-min-healthy-polls", "5", "--no-promote-require-signal-data", "--promote-last-batch", "-1");

        // Act
        var overrides = options.Read(parse);

        // Assert
        Assert.Equal(
            new WatchPolicyOverrides
            {
                PollInterval = TimeSpan.FromSeconds(5),
                InitialDelay = TimeSpan.FromSeconds(30),
                Timeout = TimeSpan.FromHours(2),
                FailureLimit = 4,
                ConsecutiveErrorLimit = 8,
                OnErrorLimit = OnErrorLimit.StopWatching,
                MaxUnavailableRatio = 0.5,
                MaxRestarts = 0,
                Rollback = false,
                DryRun = true,
                AbortDeadline = TimeSpan.FromMinutes(1),
                MaxAbortAttempts = 3,
                AbortConfirmTimeout = TimeSpan.FromSeconds(20),
                Promote = new PromoteOverrides { Enabled = true, BakeTime = TimeSpan.FromMinutes(10), MinHealthyPolls = 5, RequireSignalData = false, LastBatch = -1 },
            },
            overrides);
    }

    [Theory]
    [InlineData("--no-rollback=false", "rollback", true)]
    [InlineData("--dry-run=false", "dryRun", false)]
    public void Read_FlagSetToFalse_OverridesWithTheDefault(string argument, string field, bool expected)
    {
        // Arrange
        var (options, parse) = Parse(argument);

        // Act
        var overrides = options.Read(parse);

        // Assert
        Assert.Equal(expected, ((PolicyField<bool>)PolicyFields.Find(field)!).GetOverride(overrides));
    }

    [Theory]
    [InlineData("--failure-limit", "0", "--failure-limit must be between 1 and 100")]
    [InlineData("--poll-interval", "11m", "--poll-interval must be between 1s and 10m")]
    [InlineData("--timeout", "25h", "--timeout must be at least pollInterval and at most 24h")]
    [InlineData("--max-unavailable-ratio", "7", "--max-unavailable-ratio must be between 0 and 1")]
    [InlineData("--on-error-limit", "panic", "--on-error-limit must be abort or stopWatching, not 'panic'")]
    public void Parse_ValueOutsideTheFieldsBounds_IsRefusedWithItsMessage(string option, string value, string expected)
    {
        // Act
        var (_, parse) = Parse(option, value);

        // Assert
        Assert.Equal($"changeguard watch: {expected}", UsageError.OneLine(parse));
    }

    [Theory]
    [InlineData("policy.failureLimit", "--failure-limit")]
    [InlineData("policy.rollback", "--no-rollback")]
    [InlineData("policy.promote.lastBatch", "--promote-last-batch")]
    [InlineData("regionId", "--region")]
    [InlineData("policy.signals[0].http.url", "--signals (signals[0].http.url)")]
    [InlineData("credentials", "credentials")]
    public void OptionFor_ValidationField_IsTheOptionThatSetsIt(string field, string expected)
    {
        // Act
        var option = PolicyOptions.OptionFor(field);

        // Assert
        Assert.Equal(expected, option);
    }
}

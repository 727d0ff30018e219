using System.CommandLine;
using ChangeGuard.Cli.Parsing;

namespace ChangeGuard.Cli.Tests.Parsing;

/// <summary>A command with one option of each kind <see cref="CliOptions"/> makes, new for each test (options are not shared between parsers).</summary>
internal sealed class TestCommand
{
    public Option<string> Region { get; } = CliOptions.Required("--region", "REGION", "region");

    public Option<TimeSpan?> PollInterval { get; } = CliOptions.Duration("--poll-interval", "interval");

    public Option<int?> FailureLimit { get; } = CliOptions.WholeNumber("--failure-limit", "N", "limit");

    public Option<double?> Ratio { get; } = CliOptions.Number("--ratio", "ratio");

    public Option<bool> DryRun { get; } = CliOptions.Flag("--dry-run", "dry");

    public Option<Uri?> Endpoint { get; } = CliOptions.Url("--endpoint", "endpoint");

    public Option<string?> Store { get; } = CliOptions.OneOf("--store", "store", ["memory", "azurestorage"]);

    public ParseResult Parse(params string[] args)
    {
        var command = new Command("test", "a test command") { Region, PollInterval, FailureLimit, Ratio, DryRun, Endpoint, Store };
        return new RootCommand { command }.Parse(["test", .. args]);
    }
}

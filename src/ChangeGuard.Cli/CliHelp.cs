using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Cli.Verbs;

namespace ChangeGuard.Cli;

/// <summary>
/// <c>--help</c>: System.CommandLine's lists of options and commands, framed as <c>changeguard</c>'s help has always
/// read: the command's summary and usage line first, its examples after; for <c>changeguard</c> itself the exit codes
/// and where credentials come from.
/// </summary>
public sealed class CliHelp(HelpAction lists, IReadOnlyList<ICliCommand> commands) : SynchronousCommandLineAction
{
    /// <summary>What <c>changeguard</c> is, the first line of its help.</summary>
    public const string Summary = "changeguard: watch an Alibaba Cloud SAE deployment (a change order) and abort it when it goes bad.";

    private static readonly string[] Footer =
    [
        "Exit codes: 0 succeeded or nothing to do, 3 aborted (the change was bad), 4 abort failed, 2 bad input (or an order that cannot be watched), 1 other error.",
        "Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN.",
    ];

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        var command = parseResult.CommandResult.Command;
        var verb = commands.FirstOrDefault(c => command is not RootCommand && c.Name == command.Name);
        var lines = new List<string>
        {
            verb is null ? Summary : $"{verb.Name}: {verb.Summary}",
            string.Empty,
            verb is null ? "Usage: changeguard <command> [options]    (changeguard <command> --help for its options)" : $"Usage: {verb.Usage}",
            string.Empty,
        };
        foreach (var section in Lists(parseResult))
        {
            lines.AddRange(section);
            lines.Add(string.Empty);
        }

        if (verb is null)
        {
            lines.AddRange(Footer);
        }
        else
        {
            lines.Add("Examples:");
            lines.AddRange(verb.Examples.Select(e => "  " + e));
        }

        output.Write(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        return ExitCodes.Succeeded;
    }

    // System.CommandLine's help, less its own description and usage sections: the Options and Commands lists.
    private List<string[]> Lists(ParseResult parseResult)
    {
        var configuration = parseResult.InvocationConfiguration;
        var output = configuration.Output;
        using var buffer = new StringWriter();
        configuration.Output = buffer;
        try
        {
            lists.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        return [.. buffer.ToString().ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(section => section.Split('\n'))
            .Where(section => section[0] is not ("Description:" or "Usage:"))];
    }
}

using ChangeGuard.Cli.Commands;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Cli;

/// <summary>
/// The <c>changeguard</c> program: picks the command, parses its options, runs it, and turns failures into one line
/// on standard error with exit code 2 (bad input) or 1 (anything else); stack traces only with <c>--verbose</c>.
/// </summary>
public static class CliApp
{
    /// <summary>Every command.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
        [new DemoCommand(), new WatchCommand(), new ServeCommand(), new SimulateCommand(), new StatusCommand()];

    /// <summary>Runs <c>changeguard</c> with the given arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            console.Out.Write(GeneralHelp());
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Succeeded;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            console.Error.WriteLine($"changeguard: unknown command '{args[0]}'; commands: {string.Join(", ", Commands.Select(c => c.Name))}");
            return ExitCodes.BadInput;
        }

        var verbose = args.Contains("--verbose");
        try
        {
            var parsed = ParsedArguments.Parse(args.Skip(1).ToArray(), command.Options);
            if (parsed.HelpRequested)
            {
                console.Out.Write(CommandHelp(command));
                return ExitCodes.Succeeded;
            }

            return await command.RunAsync(parsed, console, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            console.Error.WriteLine($"changeguard {command.Name}: {OneLine(ex)}");
            if (verbose)
            {
                console.Error.WriteLine(ex);
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.Error.WriteLine($"changeguard {command.Name}: cancelled");
            return ExitCodes.Error;
        }
        catch (Exception ex)
        {
            console.Error.WriteLine($"changeguard {command.Name}: {OneLine(ex)}");
            if (verbose)
            {
                console.Error.WriteLine(ex);
            }

            return ExitCodes.Error;
        }
    }

    /// <summary>The list of commands.</summary>
    public static string GeneralHelp()
    {
        var lines = new List<string>
        {
            "changeguard: watch an Alibaba Cloud SAE deployment (a change order) and abort it when it goes bad.",
            string.Empty,
            "Usage: changeguard <command> [options]    (changeguard <command> --help for its options)",
            string.Empty,
            "Commands:",
        };
        lines.AddRange(Commands.Select(c => $"  {c.Name,-10} {c.Summary}"));
        lines.Add(string.Empty);
        lines.Add("Exit codes: 0 succeeded or nothing to do, 3 aborted (the change was bad), 4 abort failed, 2 bad input (or an order that cannot be watched), 1 other error.");
        lines.Add("Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    /// <summary>One command's usage, options and examples.</summary>
    public static string CommandHelp(ICliCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var lines = new List<string> { $"{command.Name}: {command.Summary}", string.Empty, $"Usage: {command.Usage}", string.Empty, "Options:" };
        lines.AddRange(command.Options.Select(o => o.HelpLine));
        lines.Add(new OptionSpec("--verbose", null, "log what the engine does to standard error; stack traces on errors").HelpLine);
        lines.Add(new OptionSpec("--help", null, "this text").HelpLine);
        lines.Add(string.Empty);
        lines.Add("Examples:");
        lines.AddRange(command.Examples.Select(e => "  " + e));
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static bool IsBadInput(Exception ex) =>
        ex is CliUsageException or SaeConfigurationException or ScenarioException or OptionsValidationException
        || (ex is SaeException sae && sae.Kind is SaeErrorKind.Unauthenticated or SaeErrorKind.NotFound or SaeErrorKind.InvalidParameter);

    private static string OneLine(Exception ex) => ex switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using ChangeGuard.Cli.Output;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Cli.Terminal;
using ChangeGuard.Cli.Verbs;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Cli;

/// <summary>
/// The <c>changeguard</c> program on System.CommandLine: parses the command and its options, runs it, and turns
/// failures into one line on standard error with exit code 2 (bad input) or 1 (anything else), never the parser's
/// own error and usage dump; stack traces only with <c>--verbose</c>.
/// </summary>
public static class CliApp
{
    private static readonly ParserConfiguration Parser = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    /// <summary>Every command.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
        [new DemoCommand(), new WatchCommand(), new ServeCommand(), new SimulateCommand(), new StatusCommand(),
         new ListCommand(), new GetCommand(), new AbortCommand(), new PromoteCommand(), new StopCommand(), new RehearseCommand()];

    /// <summary>Runs <c>changeguard</c> with the given arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var verbose = CliOptions.Flag("--verbose", "log what the engine does to standard error; stack traces on errors");
        verbose.Recursive = true;
        var root = Root(console, verbose);
        var prefix = "changeguard";
        var showStack = false;
        try
        {
            var parse = root.Parse(args, Parser);
            prefix = UsageError.Prefix(parse.CommandResult.Command);
            if (parse.Action is ParseErrorAction)
            {
                console.Error.WriteLine(UsageError.OneLine(parse));
                return ExitCodes.BadInput;
            }

            showStack = parse.GetValue(verbose);
            var invocation = new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            return Fail(console, $"{prefix}: {OneLine(ex)}", showStack ? ex : null, ExitCodes.BadInput);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(console, $"{prefix}: cancelled", null, ExitCodes.Error);
        }
        catch (Exception ex)
        {
            return Fail(console, $"{prefix}: {OneLine(ex)}", showStack ? ex : null, ExitCodes.Error);
        }
    }

    // changeguard with its commands; --help frames System.CommandLine's lists with usage and examples, --version prints
    // the build, and no command at all prints the help and exits 2 (so does a hidden "help", but exits 0).
    private static RootCommand Root(CliConsole console, Option<bool> verbose)
    {
        var root = new RootCommand(CliHelp.Summary) { verbose };
        foreach (var command in Commands)
        {
            root.Add(command.Build(console, verbose));
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new CliHelp((HelpAction)help.Action!, Commands);
        root.Options.OfType<VersionOption>().Single().Action = new CliVersion();
        root.SetAction(parse =>
        {
            Help(root, parse);
            return ExitCodes.BadInput;
        });
        var helpWord = new Command("help", "this list") { Hidden = true, TreatUnmatchedTokensAsErrors = false };
        helpWord.SetAction(parse => Help(root, parse));
        root.Add(helpWord);
        return root;
    }

    private static int Help(RootCommand root, ParseResult parse) =>
        root.Parse(["--help"], Parser).Invoke(parse.InvocationConfiguration);

    private static int Fail(CliConsole console, string line, Exception? stack, int exitCode)
    {
        console.Error.WriteLine(line);
        if (stack is not null)
        {
            console.Error.WriteLine(stack);
        }

        return exitCode;
    }

    private static bool IsBadInput(Exception ex) =>
        ex is BadInputException or SaeConfigurationException or ScenarioException or OptionsValidationException
        || (ex is SaeException sae && sae.Kind is SaeErrorKind.Unauthenticated or SaeErrorKind.NotFound or SaeErrorKind.InvalidParameter);

    private static string OneLine(Exception ex) => ex switch
    {
        OptionsValidationException options => string.Join("; ", options.Failures),
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}

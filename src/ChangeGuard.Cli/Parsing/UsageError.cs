using System.CommandLine;
using System.CommandLine.Parsing;

namespace ChangeGuard.Cli.Parsing;

/// <summary>
/// A parse that failed, as the one line <c>changeguard</c> prints for bad input instead of System.CommandLine's errors
/// and usage: <c>changeguard watch: --failure-limit must be a whole number, not 'two'</c>. One problem is told: a bad
/// option value first (it may have swallowed the next word), then a word the command does not know, then a required
/// option left out.
/// </summary>
public static class UsageError
{
    /// <summary>The line for <paramref name="parse"/>, which has errors.</summary>
    public static string OneLine(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        return $"{Prefix(command)}: {Reason(parse, command)}".ReplaceLineEndings(" ");
    }

    /// <summary><c>changeguard</c>, or <c>changeguard watch</c> for a command, as every line about it starts.</summary>
    public static string Prefix(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command is RootCommand ? "changeguard" : $"changeguard {command.Name}";
    }

    private static string Reason(ParseResult parse, Command command)
    {
        if (parse.Errors.Select(e => (Error: e, Option: OptionOf(e))).FirstOrDefault(e => e.Option is { IdentifierTokenCount: > 0 }) is ({ } error, { } option))
        {
            return Describe(error, option);
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-'))
            {
                return $"unknown option '{token.Split('=', ':')[0]}'; see --help";
            }

            return command is RootCommand
                ? $"unknown command '{token}'; commands: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
                : $"unexpected argument '{token}'; see --help";
        }

        if (command.Options.FirstOrDefault(o => o.Required && parse.GetResult(o) is not { IdentifierTokenCount: > 0 }) is { } missing)
        {
            return $"{missing.Name} is required; see --help";
        }

        return parse.Errors[0].Message;
    }

    private static OptionResult? OptionOf(ParseError error) =>
        error.SymbolResult as OptionResult ?? (error.SymbolResult as ArgumentResult)?.Parent as OptionResult;

    // Our parsers' reasons start with the option's name; System.CommandLine's own are reworded to do so.
    private static string Describe(ParseError error, OptionResult result)
    {
        var option = result.Option;
        if (error.Message.StartsWith(option.Name + " ", StringComparison.Ordinal))
        {
            return error.Message;
        }

        if (result.Tokens.Count == 0 && option.Arity.MinimumNumberOfValues > 0)
        {
            return $"{option.Name} needs a value ({option.HelpName ?? "VALUE"})";
        }

        return result.IdentifierTokenCount > 1 ? $"{option.Name} is given more than once" : $"{option.Name} {error.Message}";
    }
}

using ChangeGuard.Cli.Parsing;

namespace ChangeGuard.Cli.Commands;

/// <summary>One <c>changeguard</c> command: its options, help and behaviour.</summary>
public interface ICliCommand
{
    /// <summary>The command word, such as <c>watch</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Usage line, such as <c>changeguard watch --region R ...</c>.</summary>
    string Usage { get; }

    /// <summary>The options it accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Example invocations for <c>--help</c>.</summary>
    IReadOnlyList<string> Examples { get; }

    /// <summary>Runs the command; returns the exit code.</summary>
    Task<int> RunAsync(ParsedArguments args, CliConsole console, CancellationToken cancellationToken);
}

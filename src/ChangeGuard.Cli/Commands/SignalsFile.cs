using System.Text.Json;
using ChangeGuard.Cli.Parsing;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Cli.Commands;

/// <summary>
/// <c>--signals FILE</c>: a watch's signals as the JSON array a request's <c>policy.signals</c> holds, so a pipeline keeps
/// its queries and probes in the repository next to the deploy step.
/// </summary>
public static class SignalsFile
{
    /// <summary>The option.</summary>
    public static OptionSpec Spec { get; } = new("--signals", "FILE", "health signals (Prometheus queries, HTTP probes) as a JSON array; see docs/signals.md");

    /// <summary>The signals in the file the option names, or null without the option.</summary>
    public static IReadOnlyList<SignalDefinition>? Read(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Text(Spec.Name) is not { } path)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SignalDefinition[]>(File.ReadAllText(path), ChangeGuardJson.Options)
                ?? throw new CliUsageException($"--signals {path}: must hold a JSON array of signals");
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"--signals {path}: not a JSON array of signals at {ex.Path ?? "$"}: {ex.Message.Split(". Path:")[0]}");
        }
        catch (IOException ex)
        {
            throw new CliUsageException($"--signals {path}: cannot be read ({ex.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliUsageException($"--signals {path}: cannot be read (access denied)");
        }
    }
}

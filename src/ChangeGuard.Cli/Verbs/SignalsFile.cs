using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using ChangeGuard.Domain.Json;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Cli.Verbs;

/// <summary>
/// <c>--signals FILE</c>: a watch's signals as the JSON array a request's <c>policy.signals</c> holds, so a pipeline keeps
/// its queries and probes in the repository next to the deploy step. The file is read while parsing, so a missing or
/// malformed one is bad input before anything starts.
/// </summary>
public static class SignalsFile
{
    /// <summary>The option's name.</summary>
    public const string Name = "--signals";

    /// <summary>The option: the signals in the file, or null without it.</summary>
    public static Option<IReadOnlyList<SignalDefinition>?> Create() => new(Name)
    {
        HelpName = "FILE",
        Description = "health signals (Prometheus queries, HTTP probes) as a JSON array; see docs/signals.md",
        CustomParser = Read,
    };

    private static IReadOnlyList<SignalDefinition>? Read(ArgumentResult result)
    {
        var path = result.Tokens[0].Value;
        try
        {
            if (JsonSerializer.Deserialize<SignalDefinition[]>(File.ReadAllText(path), ChangeGuardJson.Options) is { } signals)
            {
                return signals;
            }

            result.AddError($"{Name} {path}: must hold a JSON array of signals");
        }
        catch (JsonException ex)
        {
            result.AddError($"{Name} {path}: not a JSON array of signals at {ex.Path ?? "$"}: {ex.Message.Split(". Path:")[0]}");
        }
        catch (IOException ex)
        {
            result.AddError($"{Name} {path}: cannot be read ({ex.Message})");
        }
        catch (UnauthorizedAccessException)
        {
            result.AddError($"{Name} {path}: cannot be read (access denied)");
        }

        return null;
    }
}

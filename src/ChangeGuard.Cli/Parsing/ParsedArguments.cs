using System.Globalization;
using ChangeGuard.Domain.Json;

namespace ChangeGuard.Cli.Parsing;

/// <summary>
/// A command's options after parsing, with typed readers that fail with a one-line message naming the option.
/// Unknown options and missing values are refused while parsing.
/// </summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string?> _values;

    private ParsedArguments(Dictionary<string, string?> values)
    {
        _values = values;
    }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool HelpRequested => _values.ContainsKey("--help");

    /// <summary>True when <c>--verbose</c> was given.</summary>
    public bool Verbose => _values.ContainsKey("--verbose");

    /// <summary>Parses arguments against the command's options (<c>--help</c> and <c>--verbose</c> are always known).</summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> options)
    {
        var known = options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                values["--help"] = null;
                continue;
            }

            if (arg == "--verbose")
            {
                values["--verbose"] = null;
                continue;
            }

            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (!known.TryGetValue(name, out var spec))
            {
                throw new CliUsageException(arg.StartsWith('-') ? $"unknown option '{name}'; see --help" : $"unexpected argument '{arg}'; see --help");
            }

            if (!spec.TakesValue)
            {
                values[name] = inline;
                continue;
            }

            if (inline is null)
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    throw new CliUsageException($"{name} needs a value ({spec.ValueName})");
                }

                inline = args[++i];
            }

            values[name] = inline;
        }

        return new ParsedArguments(values);
    }

    /// <summary>True when the option was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The option's text, or null.</summary>
    public string? Text(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The option's text; refuses a missing or blank value.</summary>
    public string Required(string name) =>
        string.IsNullOrWhiteSpace(Text(name)) ? throw new CliUsageException($"{name} is required; see --help") : Text(name)!;

    /// <summary>A duration such as <c>15s</c>, <c>2m</c>, <c>1h30m</c>; one too large for a duration is not one.</summary>
    public TimeSpan? Duration(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return DurationFormat.TryParse(text, out var value)
            ? value
            : throw new CliUsageException($"{name} must be a duration such as 15s, 2m or 1h30m, not '{text}'");
    }

    /// <summary>A whole number; one beyond <see cref="int"/> is refused with the range, as it is a number, just too large.</summary>
    public int? Int(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new CliUsageException(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"{name} must be a whole number from {int.MinValue} to {int.MaxValue}, not '{text}'"
            : $"{name} must be a whole number, not '{text}'");
    }

    /// <summary>A number such as <c>0.25</c>; NaN and numbers beyond <see cref="double"/> (<c>1e400</c>) are refused.</summary>
    public double? Number(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliUsageException($"{name} must be a number such as 0.25, not '{text}'");
    }

    /// <summary>A flag that may carry <c>=true</c> or <c>=false</c>.</summary>
    public bool? Flag(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        return Text(name) switch
        {
            null or "true" => true,
            "false" => false,
            var other => throw new CliUsageException($"{name} takes no value, or =true / =false, not '{other}'"),
        };
    }

    /// <summary>An absolute http or https URL.</summary>
    public Uri? Url(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliUsageException($"{name} must be an absolute http or https URL such as http://127.0.0.1:18080, not '{text}'");
    }
}

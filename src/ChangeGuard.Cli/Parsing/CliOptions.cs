using System.CommandLine;
using System.Globalization;
using ChangeGuard.Domain.Json;

namespace ChangeGuard.Cli.Parsing;

/// <summary>
/// Options that read their value by the project's rules (durations through <see cref="DurationFormat"/>, whole numbers
/// within <see cref="int"/>, finite numbers, http URLs) and refuse a bad one while parsing, with a reason that starts
/// with the option's name: <c>--poll-interval must be a duration such as 15s, 2m or 1h30m, not 'soon'</c>.
/// </summary>
public static class CliOptions
{
    /// <summary>Free text, such as <c>--requested-by TEXT</c>.</summary>
    public static Option<string?> Text(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description };

    /// <summary>Text the command cannot run without; a blank value counts as missing.</summary>
    public static Option<string> Required(string name, string valueName, string description)
    {
        var option = new Option<string>(name) { HelpName = valueName, Description = description, Required = true };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{name} is required; see --help");
            }
        });
        return option;
    }

    /// <summary>A duration such as <c>15s</c>, <c>2m</c>, <c>1h30m</c>; one too large for a duration is not one.</summary>
    public static Option<TimeSpan?> Duration(string name, string description, Func<TimeSpan, string?>? check = null) =>
        Valued(name, "DURATION", description, ParseDuration, check);

    /// <summary>A whole number; one beyond <see cref="int"/> is refused with the range, as it is a number, just too large.</summary>
    public static Option<int?> WholeNumber(string name, string valueName, string description, Func<int, string?>? check = null) =>
        Valued(name, valueName, description, ParseWholeNumber, check);

    /// <summary>A number such as <c>0.25</c>; NaN and numbers beyond <see cref="double"/> (<c>1e400</c>) are refused.</summary>
    public static Option<double?> Number(string name, string description, Func<double, string?>? check = null) =>
        Valued(name, "NUMBER", description, ParseNumber, check);

    /// <summary>An absolute http or https URL.</summary>
    public static Option<Uri?> Url(string name, string description)
    {
        var option = new Option<Uri?>(name) { HelpName = "URL", Description = description };
        option.CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return uri;
            }

            result.AddError($"{name} must be an absolute http or https URL such as http://127.0.0.1:18080, not '{text}'");
            return null;
        };
        return option;
    }

    /// <summary>One of <paramref name="choices"/> in any case, returned as the choice is spelled.</summary>
    public static Option<string?> OneOf(string name, string description, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var option = new Option<string?>(name) { HelpName = string.Join('|', choices), Description = description };
        option.CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) is { } choice)
            {
                return choice;
            }

            var either = choices.Count <= 2 ? string.Join(" or ", choices) : $"{string.Join(", ", choices.Take(choices.Count - 1))} or {choices[^1]}";
            result.AddError($"{name} must be {either}, not '{text}'");
            return null;
        };
        return option;
    }

    /// <summary>A flag: given alone it is true; <c>=true</c> and <c>=false</c> say so explicitly.</summary>
    public static Option<bool> Flag(string name, string description)
    {
        var option = new Option<bool>(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "true" : result.Tokens[0].Value;
            if (text is "true" or "false")
            {
                return text == "true";
            }

            result.AddError($"{name} takes no value, or =true / =false, not '{text}'");
            return false;
        };
        return option;
    }

    /// <summary>
    /// An option whose text becomes a <typeparamref name="T"/> through <paramref name="parse"/>, which gives the value or
    /// why the text is refused; <paramref name="check"/> may then refuse the value (out of range). Either reason is
    /// reported after the option's name.
    /// </summary>
    public static Option<T?> Valued<T>(string name, string valueName, string description, Func<string, (T? Value, string? Refusal)> parse, Func<T, string?>? check = null)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        var option = new Option<T?>(name) { HelpName = valueName, Description = description };
        option.CustomParser = result =>
        {
            var (value, refusal) = parse(result.Tokens[0].Value);
            if (refusal is null && value is { } parsed && check is not null)
            {
                refusal = check(parsed);
            }

            if (refusal is null)
            {
                return value;
            }

            result.AddError($"{name} {refusal}");
            return null;
        };
        return option;
    }

    private static (TimeSpan?, string?) ParseDuration(string text) =>
        DurationFormat.TryParse(text, out var value) ? (value, null) : (null, $"must be a duration such as 15s, 2m or 1h30m, not '{text}'");

    private static (int?, string?) ParseWholeNumber(string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return (value, null);
        }

        return (null, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"must be a whole number from {int.MinValue} to {int.MaxValue}, not '{text}'"
            : $"must be a whole number, not '{text}'");
    }

    private static (double?, string?) ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (value, null)
            : (null, $"must be a number such as 0.25, not '{text}'");
}

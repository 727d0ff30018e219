using System.Globalization;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Signing;
using ChangeGuard.Simulator.Model;

namespace ChangeGuard.Simulator.Api;

/// <summary>A request's decoded query, with SAE's answers for missing or malformed parameters.</summary>
internal sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private QueryParameters(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        Pairs = pairs;
        foreach (var (name, value) in pairs)
        {
            _values[name] = value;
        }
    }

    /// <summary>The pairs in arrival order, as the signature covers them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>The parameters by name (the last value wins).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Decodes a raw query string such as <c>?a=b%20c&amp;d=</c>.</summary>
    public static QueryParameters Parse(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var text = rawQuery is { Length: > 0 } && rawQuery[0] == '?' ? rawQuery[1..] : rawQuery ?? string.Empty;
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(new(AcsPercentEncoding.Decode(name), AcsPercentEncoding.Decode(value)));
        }

        return new QueryParameters(pairs);
    }

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) =>
        Optional(name) ?? throw new SimulatorError(400, SaeErrorCodes.ParameterNotEmpty, $"The parameter {name} must not be empty.");

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The parameter {{{name}}} is invalid.");
        }

        return value;
    }

    public bool? Bool(string name)
    {
        var text = Optional(name);
        return text switch
        {
            null => null,
            "true" or "True" => true,
            "false" or "False" => false,
            _ => throw new SimulatorError(400, SaeErrorCodes.ParameterObviously, $"The parameter {{{name}}} is invalid."),
        };
    }
}

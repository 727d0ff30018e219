using System.Globalization;
using System.Text.Json;

namespace ChangeGuard.Domain.Policies.Expressions;

/// <summary>
/// The values a condition works with: null, bool, double, string, and JSON objects and arrays kept as
/// <see cref="JsonElement"/>. Numbers are doubles, as JSON has one number type.
/// </summary>
public static class ExpressionValues
{
    /// <summary>A JSON value as a condition sees it.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString(),
        _ => element.Clone(),
    };

    /// <summary>A value named for messages: <c>the number 3</c>, <c>an object</c>.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "nil",
        bool b => b ? "true" : "false",
        double d => "the number " + d.ToString(CultureInfo.InvariantCulture),
        string s => $"the string \"{(s.Length <= 32 ? s : s[..32] + "…")}\"",
        JsonElement { ValueKind: JsonValueKind.Array } => "an array",
        _ => "an object",
    };

    internal static new bool Equals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (double a, double b) => a.Equals(b) && !double.IsNaN(a),
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b),
        _ => false,
    };

    internal static int Compare(object? left, object? right, string op) => (left, right) switch
    {
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new ExpressionException($"cannot compare {Describe(left)} {op} {Describe(right)}"),
    };

    internal static double Number(object? value, string what) => value is double d
        ? d
        : throw new ExpressionException($"{what} needs a number, not {Describe(value)}");

    internal static bool Boolean(object? value, string what) => value is bool b
        ? b
        : throw new ExpressionException($"{what} needs true or false, not {Describe(value)}");
}

using System.Globalization;
using System.Text.Json;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// The part of Kubernetes JSONPath that Argo Rollouts' web metric uses to pick <c>result</c> from an answer:
/// <c>{$}</c>, <c>{$.data.ok}</c>, <c>{.data.ok}</c>, <c>{$.items[0].value}</c>, <c>{$['odd-name']}</c>, braces optional.
/// Filters and wildcards are not supported and are refused when the watch starts.
/// </summary>
public sealed class JsonPathSelector
{
    private readonly IReadOnlyList<object> _steps;

    private JsonPathSelector(IReadOnlyList<object> steps)
    {
        _steps = steps;
    }

    /// <summary>The whole document.</summary>
    public static JsonPathSelector Root { get; } = new([]);

    /// <summary>Parses a path; <paramref name="error"/> says what is wrong when it does not parse.</summary>
    public static bool TryParse(string? text, out JsonPathSelector selector, out string error)
    {
        selector = Root;
        error = string.Empty;
        var path = (text ?? string.Empty).Trim();
        if (path.StartsWith('{') && path.EndsWith('}'))
        {
            path = path[1..^1].Trim();
        }

        if (path.StartsWith('$'))
        {
            path = path[1..];
        }

        var steps = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] is not ('.' or '['))
                {
                    i++;
                }

                var name = path[start..i];
                if (name.Length == 0 || name == "*")
                {
                    error = "must be a path such as {$.data.ok}: empty names and wildcards are not supported";
                    return false;
                }

                steps.Add(name);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    error = "has a '[' that is not closed";
                    return false;
                }

                var inside = path[(i + 1)..end].Trim();
                if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0])
                {
                    steps.Add(inside[1..^1]);
                }
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(index);
                }
                else
                {
                    error = $"supports [index] and ['name'] only, not [{inside}]";
                    return false;
                }

                i = end + 1;
            }
            else
            {
                error = "must be a path such as {$.data.ok}";
                return false;
            }
        }

        selector = new JsonPathSelector(steps);
        return true;
    }

    /// <summary>The selected element, or null when the answer has no such member.</summary>
    public JsonElement? Select(JsonElement document)
    {
        var current = document;
        foreach (var step in _steps)
        {
            switch (step)
            {
                case string name when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child):
                    current = child;
                    break;
                case int index when current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength():
                    current = current[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }
}

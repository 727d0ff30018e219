using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChangeGuard.Domain.Policies;

/// <summary>
/// The <c>{{name}}</c> placeholders a query may use, filled from the watch: one query text serves every app. Values
/// are escaped for a PromQL double-quoted string, where label matchers put them.
/// </summary>
public static partial class QueryPlaceholders
{
    /// <summary>The placeholders a query may use.</summary>
    public static IReadOnlyList<string> Names { get; } = ["appId", "appName", "changeOrderId", "regionId", "window"];

    /// <summary>The first placeholder that is not known, or null.</summary>
    public static string? Unknown(string query) =>
        Pattern().Matches(query).Select(m => m.Groups["name"].Value).FirstOrDefault(n => !Names.Contains(n, StringComparer.Ordinal));

    /// <summary>The query with every placeholder replaced.</summary>
    public static string Fill(string query, SignalContext context, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Pattern().Replace(query, m => m.Groups["name"].Value switch
        {
            "appId" => Escape(context.AppId),
            "appName" => Escape(context.AppName ?? context.AppId),
            "changeOrderId" => Escape(context.ChangeOrderId),
            "regionId" => Escape(context.RegionId),
            "window" => PrometheusDuration(window),
            _ => m.Value,
        });
    }

    /// <summary>A duration as PromQL writes it: <c>1m</c>, <c>1m30s</c>, <c>500ms</c>.</summary>
    public static string PrometheusDuration(TimeSpan value)
    {
        var text = new StringBuilder();
        void Part(long amount, string unit)
        {
            if (amount > 0)
            {
                text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }

        Part((long)value.TotalHours, "h");
        Part(value.Minutes, "m");
        Part(value.Seconds, "s");
        Part(value.Milliseconds, "ms");
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z]+)\s*\}\}")]
    private static partial Regex Pattern();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChangeGuard.Core.Json;

/// <summary>
/// Durations as people write them in policies and on the command line: <c>15s</c>, <c>2m</c>, <c>1h30m</c>,
/// <c>500ms</c>, ISO 8601 (<c>PT15S</c>), <c>hh:mm:ss</c>, or a bare number of seconds.
/// </summary>
public static partial class DurationFormat
{
    /// <summary>Parses a duration; false when the text is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryFromSeconds(seconds, out value);
        }

        var negative = text.StartsWith('-');
        var match = UnitPattern().Match(negative ? text[1..] : text);
        if (match.Success)
        {
            double total = 0;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var m = PartPattern().Match(part.Value);
                var number = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                total += m.Groups["u"].Value.ToLowerInvariant() switch
                {
                    "ms" => number / 1000,
                    "s" => number,
                    "m" => number * 60,
                    "h" => number * 3600,
                    "d" => number * 86400,
                    _ => double.NaN,
                };
            }

            return TryFromSeconds(negative ? -total : total, out value);
        }

        if (text.StartsWith('P') || text.StartsWith('p'))
        {
            try
            {
                value = System.Xml.XmlConvert.ToTimeSpan(text.ToUpperInvariant());
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Renders a duration compactly: <c>15s</c>, <c>2m</c>, <c>1h30m</c>, <c>500ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            // Finer than a millisecond: seconds with a fraction, which TryParse reads back exactly.
            return value.TotalSeconds.ToString("0.#######", CultureInfo.InvariantCulture) + "s";
        }

        var builder = new StringBuilder();
        if (value < TimeSpan.Zero)
        {
            builder.Append('-');
            value = value.Negate();
        }

        if (value.Days > 0)
        {
            builder.Append(value.Days.ToString(CultureInfo.InvariantCulture)).Append('d');
        }

        if (value.Hours > 0)
        {
            builder.Append(value.Hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (value.Minutes > 0)
        {
            builder.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (value.Seconds > 0)
        {
            builder.Append(value.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        if (value.Milliseconds > 0)
        {
            builder.Append(value.Milliseconds.ToString(CultureInfo.InvariantCulture)).Append("ms");
        }

        return builder.ToString();
    }

    private static bool TryFromSeconds(double seconds, out TimeSpan value)
    {
        value = default;
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|s|m|h|d))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}

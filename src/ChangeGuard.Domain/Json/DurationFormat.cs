using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChangeGuard.Domain.Json;

/// <summary>
/// Durations as people write them in policies and on the command line: <c>15s</c>, <c>2m</c>, <c>1h30m</c>,
/// <c>500ms</c>, ISO 8601 (<c>PT15S</c>), <c>hh:mm:ss</c>, or a bare number of seconds. Parsing never throws: text
/// that is too large for a <see cref="TimeSpan"/> is simply not a duration, so callers answer bad input, not a crash.
/// </summary>
public static partial class DurationFormat
{
    /// <summary>
    /// Parses a duration; false when the text is not one, including when it is out of range (its magnitude beyond
    /// <see cref="TimeSpan.MaxValue"/>, or a number of seconds beyond half of it). Never throws.
    /// </summary>
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
                if (!double.TryParse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

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
                return Bounded(System.Xml.XmlConvert.ToTimeSpan(text.ToUpperInvariant()), out value);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                // XmlConvert throws OverflowException for well-formed values beyond TimeSpan (P99999999D).
                return false;
            }
        }

        return text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var clock)
            && Bounded(clock, out value);
    }

    /// <summary>
    /// Renders a measured duration for people, rounded: <c>250ms</c> under a second, one decimal under ten seconds
    /// (<c>1.3s</c>), whole seconds above (<c>45s</c>, <c>2m5s</c>). Configured durations use <see cref="Format"/>.
    /// </summary>
    public static string Rounded(TimeSpan value)
    {
        var magnitude = value.Duration();
        if (magnitude < TimeSpan.FromSeconds(1))
        {
            return Format(TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds)));
        }

        return magnitude < TimeSpan.FromSeconds(10)
            ? value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + "s"
            : Format(TimeSpan.FromSeconds(Math.Round(value.TotalSeconds)));
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

    /// <summary>
    /// A number of seconds as a duration, bounded well inside TimeSpan so that rounding can never overflow.
    /// Public so JSON numbers and text share one conversion.
    /// </summary>
    public static bool TryFromSeconds(double seconds, out TimeSpan value)
    {
        value = default;
        if (!double.IsFinite(seconds) || Math.Abs(seconds) > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        try
        {
            return Bounded(TimeSpan.FromSeconds(seconds), out value);
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Refuses <see cref="TimeSpan.MinValue"/>: it has no negation, so <c>Negate()</c> or <c>Duration()</c> on it would
    /// throw far from the input that caused it.
    /// </summary>
    private static bool Bounded(TimeSpan parsed, out TimeSpan value)
    {
        value = parsed == TimeSpan.MinValue ? default : parsed;
        return parsed != TimeSpan.MinValue;
    }

    // [0-9], not \d: \d also matches other scripts' digits, which double parsing does not read.
    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|s|m|h|d))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<u>ms|s|m|h|d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}

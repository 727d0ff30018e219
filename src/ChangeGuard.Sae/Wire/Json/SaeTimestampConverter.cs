using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Sae.Wire.Json;

/// <summary>
/// Reads SAE's times, which come as epoch milliseconds (number or string) or as <c>yyyy-MM-dd HH:mm:ss</c>.
/// The text form carries no zone; SAE renders it in China Standard Time (UTC+8), the console's zone.
/// </summary>
public sealed class SaeTimestampConverter : JsonConverter<DateTimeOffset?>
{
    /// <summary>The offset SAE's zone-less text times are in.</summary>
    public static readonly TimeSpan TextOffset = TimeSpan.FromHours(8);

    /// <summary>The text format of SAE's zone-less times.</summary>
    public const string TextFormat = "yyyy-MM-dd HH:mm:ss";

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var ms):
                return FromEpochMilliseconds(ms);
            case JsonTokenType.String:
                return Parse(reader.GetString());
            case JsonTokenType.Null:
                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteNumberValue(value.Value.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Parses either form; null for empty or unreadable text.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            return FromEpochMilliseconds(ms);
        }

        if (DateTime.TryParseExact(text, TextFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TextOffset);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any) ? any : null;
    }

    /// <summary>Renders a time in SAE's zone-less text form.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToOffset(TextOffset).ToString(TextFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? FromEpochMilliseconds(long ms) =>
        ms <= 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
}

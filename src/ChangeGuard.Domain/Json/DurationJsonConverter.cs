using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Domain.Json;

/// <summary>
/// Reads and writes <see cref="TimeSpan"/> in <see cref="DurationFormat"/>; numbers are seconds. Reading throws only
/// <see cref="JsonException"/>: System.Text.Json adds the JSON path (<c>$.policy.timeout</c>) to that exception alone,
/// so any other exception would reach the caller without the field and look like a server fault.
/// </summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <summary>Why a value was refused, out-of-range values included; hosts pass it on to the caller as is.</summary>
    private const string NotADuration = "expected a duration such as \"15s\", \"2m\", \"1h30m\" or a number of seconds";

    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            var parsed = reader.TokenType switch
            {
                JsonTokenType.Number => reader.TryGetDouble(out var seconds) && DurationFormat.TryFromSeconds(seconds, out var fromNumber) ? fromNumber : (TimeSpan?)null,
                JsonTokenType.String => DurationFormat.TryParse(reader.GetString(), out var fromText) ? fromText : null,
                _ => null,
            };
            return parsed ?? throw new JsonException(NotADuration);
        }
        catch (Exception ex) when (ex is OverflowException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new JsonException(NotADuration, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationFormat.Format(value));
}

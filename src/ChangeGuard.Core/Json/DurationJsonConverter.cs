using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Core.Json;

/// <summary>Reads and writes <see cref="TimeSpan"/> in <see cref="DurationFormat"/>; numbers are seconds.</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return TimeSpan.FromSeconds(reader.GetDouble());
        }

        if (reader.TokenType == JsonTokenType.String && DurationFormat.TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException("expected a duration such as \"15s\", \"2m\", \"1h30m\" or a number of seconds");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationFormat.Format(value));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Sae.Wire.Json;

/// <summary>The JSON settings for SAE's bodies: case-insensitive names, numbers that arrive as strings.</summary>
public static class SaeJson
{
    /// <summary>Options for reading SAE responses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}

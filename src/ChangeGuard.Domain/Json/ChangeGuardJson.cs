using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Domain.Json;

/// <summary>
/// The JSON every host speaks: camelCase, enums as camelCase strings, durations as <c>15s</c>. Strict: a number is a
/// JSON number (never <c>"3"</c>), a property appears once, and a property nobody knows is an error.
/// </summary>
public static class ChangeGuardJson
{
    /// <summary>Options for requests and responses of the watch API.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the API's settings to options a host already has (ASP.NET Core's, for example).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new DurationJsonConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;

namespace ChangeGuard.Functions.Tests.Support;

/// <summary>The repository's <c>local.settings.sample.json</c>, and its values as the worker's configuration sees them.</summary>
internal static class LocalSettings
{
    public static JsonElement Sample() =>
        JsonDocument.Parse(File.ReadAllText(Paths.InRepository("local.settings.sample.json"))).RootElement.Clone();

    /// <summary>The sample's <c>Values</c> by app-setting name (<c>ChangeGuard__Guard__Schedule</c>).</summary>
    public static IReadOnlyDictionary<string, string> Values() =>
        Sample().GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    /// <summary>The sample's values as configuration keys: environment variables map <c>__</c> to <c>:</c>.</summary>
    public static Dictionary<string, string?> AsConfiguration() =>
        Values().ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
}

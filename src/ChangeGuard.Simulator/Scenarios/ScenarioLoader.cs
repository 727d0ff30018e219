using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Simulator.Scenarios;

/// <summary>Reads scenarios from JSON (files, text or the built-in set) and checks them before they play.</summary>
public static class ScenarioLoader
{
    private const string ResourcePrefix = "scenarios/";

    /// <summary>The JSON settings scenario files use: camelCase, enums as strings, unknown fields rejected.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Names of the scenarios shipped inside the simulator.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(ScenarioLoader).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads a built-in scenario by name, or a file by path.</summary>
    public static Scenario LoadNameOrFile(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (BuiltInNames.Contains(nameOrPath, StringComparer.Ordinal))
        {
            return LoadBuiltIn(nameOrPath);
        }

        if (!File.Exists(nameOrPath))
        {
            throw new ScenarioException(
                $"scenario '{nameOrPath}' is neither a built-in scenario ({string.Join(", ", BuiltInNames)}) nor a file.");
        }

        return Parse(File.ReadAllText(nameOrPath), nameOrPath);
    }

    /// <summary>Loads a built-in scenario by name.</summary>
    public static Scenario LoadBuiltIn(string name)
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ScenarioException($"there is no built-in scenario '{name}'; known: {string.Join(", ", BuiltInNames)}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name);
    }

    /// <summary>Parses and validates scenario JSON; <paramref name="source"/> names it in errors.</summary>
    public static Scenario Parse(string json, string source = "scenario")
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            throw new ScenarioException($"{source}: not a valid scenario{where}: {FirstSentence(ex.Message)}", ex);
        }

        if (scenario is null)
        {
            throw new ScenarioException($"{source}: the document is empty.");
        }

        ScenarioValidator.Validate(scenario, source);
        return scenario;
    }

    /// <summary>Parses and validates one change order posted to the control API.</summary>
    public static ChangeOrderDefinition ParseChangeOrder(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ChangeOrderDefinition>(json, JsonOptions)
                ?? throw new ScenarioException("change order: the document is empty.");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            throw new ScenarioException($"change order: not valid{where}: {FirstSentence(ex.Message)}", ex);
        }
    }

    /// <summary>Parses faults posted to the control API.</summary>
    public static FaultDefinition ParseFaults(string json)
    {
        try
        {
            var faults = JsonSerializer.Deserialize<FaultDefinition>(json, JsonOptions)
                ?? throw new ScenarioException("faults: the document is empty.");
            ScenarioValidator.ValidateFaults(faults, "faults");
            return faults;
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? string.Empty : $" at {ex.Path}";
            throw new ScenarioException($"faults: not valid{where}: {FirstSentence(ex.Message)}", ex);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}

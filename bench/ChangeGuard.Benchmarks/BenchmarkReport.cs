using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeGuard.Benchmarks;

/// <summary>
/// One run's result: machine facts, then every figure with its unit. Written as JSON so runs can be committed and
/// diffed, and printed as a table for the person who ran it.
/// </summary>
/// <param name="Suite">What was run: all, signing, roundtrip or budget.</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="Figures">What it measured.</param>
/// <param name="Notes">How to read the figures, when their units alone do not say (such as scaled time); omitted when empty.</param>
public sealed record BenchmarkReport(string Suite, MachineFacts Machine, IReadOnlyList<Figure> Figures, IReadOnlyList<string>? Notes = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report as indented JSON, creating the folder when needed.</summary>
    public void Write(string path)
    {
        var report = Notes is { Count: > 0 } ? this : this with { Notes = null };
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(report, JsonOptions) + "\n");
    }

    /// <summary>Prints the machine line, the notes and one row per figure.</summary>
    public void Print(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine();
        var forced = Machine.ProcessorCountOverride is null ? string.Empty : " (forced by DOTNET_PROCESSOR_COUNT)";
        writer.WriteLine($"{Machine.Runtime} on {Machine.Os}, {Machine.ProcessorCount} CPUs{forced}, {Machine.GcMode} GC, {Machine.DateUtc}");
        foreach (var note in Notes ?? [])
        {
            writer.WriteLine($"  Note: {note}");
        }

        var width = Figures.Max(f => f.Group.Length);
        foreach (var figure in Figures)
        {
            var value = figure.Value.ToString("#,0.###", CultureInfo.InvariantCulture);
            writer.WriteLine($"  {figure.Group.PadRight(width)}  {figure.Metric,-11} {value,14} {figure.Unit}");
        }
    }
}

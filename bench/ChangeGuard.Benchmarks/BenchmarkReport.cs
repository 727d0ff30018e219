using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChangeGuard.Benchmarks;

/// <summary>
/// One run's result: machine facts, then every figure with its unit. Written as JSON so runs can be committed and
/// diffed, and printed as a table for the person who ran it.
/// </summary>
/// <param name="Suite">What was run: all, signing or roundtrip.</param>
/// <param name="Machine">Where it ran.</param>
/// <param name="Figures">What it measured.</param>
public sealed record BenchmarkReport(string Suite, MachineFacts Machine, IReadOnlyList<Figure> Figures)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the report as indented JSON, creating the folder when needed.</summary>
    public void Write(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }

    /// <summary>Prints the machine line and one row per figure.</summary>
    public void Print(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine();
        writer.WriteLine($"{Machine.Runtime} on {Machine.Os}, {Machine.ProcessorCount} CPUs, {Machine.GcMode} GC, {Machine.DateUtc}");
        var width = Figures.Max(f => f.Group.Length);
        foreach (var figure in Figures)
        {
            var value = figure.Value.ToString("#,0.###", CultureInfo.InvariantCulture);
            writer.WriteLine($"  {figure.Group.PadRight(width)}  {figure.Metric,-11} {value,14} {figure.Unit}");
        }
    }
}

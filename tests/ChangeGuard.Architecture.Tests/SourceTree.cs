using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChangeGuard.Testing;

namespace ChangeGuard.Architecture.Tests;

/// <summary>The checkout's projects and C# sources, read as text: what the architecture tests reason about.</summary>
internal static partial class SourceTree
{
    public static string Root { get; } = RepositoryFiles.Root() ?? throw new InvalidOperationException("ChangeGuard.sln was not found above the test binaries");

    /// <summary>Every project under <c>src/</c>, by name, with the names of the projects it references.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> SourceProjects() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => (IReadOnlyList<string>)References(p, "ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r)).Order().ToArray());

    /// <summary>Every project file of the checkout (src, tests, bench).</summary>
    public static IEnumerable<string> AllProjects() =>
        new[] { "src", "tests", "bench" }.SelectMany(d => Directory.GetFiles(Path.Combine(Root, d), "*.csproj", SearchOption.AllDirectories));

    /// <summary>The <c>Include</c> of every item of one kind in a project file (file names for project references).</summary>
    public static IEnumerable<string> References(string project, string item) =>
        XDocument.Load(project).Descendants(item).Select(e => e.Attribute("Include")?.Value).OfType<string>()
            .Select(v => v.Replace('\\', '/')).Select(v => v.EndsWith(".csproj", StringComparison.Ordinal) ? Path.GetFileName(v) : v);

    /// <summary>Every C# file under <c>src/</c> with its project and namespace.</summary>
    public static IReadOnlyList<SourceFile> SourceFiles() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => new SourceFile(p, Project(p), File.ReadAllText(p)))
            .ToArray();

    private static string Project(string path) => Path.GetRelativePath(Path.Combine(Root, "src"), path).Split(Path.DirectorySeparatorChar)[0];
}

/// <summary>One C# file: its project, its namespace, the namespaces it imports, and the types and properties it declares.</summary>
internal sealed partial record SourceFile(string Path, string Project, string Text)
{
    public string? Namespace => NamespacePattern().Match(Text) is { Success: true } m ? m.Groups[1].Value : null;

    public IEnumerable<string> Usings => UsingPattern().Matches(Text).Select(m => m.Groups[1].Value);

    public IEnumerable<string> DeclaredTypes => TypePattern().Matches(Text).Select(m => m.Groups[1].Value);

    public IEnumerable<string> DeclaredProperties =>
        PropertyPattern().Matches(Text).Select(m => m.Groups[1].Value)
            .Concat(RecordPattern().Matches(Text).SelectMany(m => m.Groups[1].Value.Split(','))
                .Select(p => p.Split('=')[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
                .OfType<string>());

    /// <summary>The identifiers the file's code mentions (comments and strings included: an over-approximation).</summary>
    public IEnumerable<string> Identifiers => IdentifierPattern().Matches(Text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();

    [GeneratedRegex(@"^using (ChangeGuard[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex(@"^\s*(?:public|internal)\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:class|record|enum|interface|struct|record struct)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"public\s+(?:(?:required|static|virtual|override)\s+)*[\w<>\[\]?,.]+(?:\s*<[^>]*>)?\??\s+(\w+)\s*\{\s*get")]
    private static partial Regex PropertyPattern();

    [GeneratedRegex(@"record\s+\w+\s*\(([^)]*)\)")]
    private static partial Regex RecordPattern();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex IdentifierPattern();
}

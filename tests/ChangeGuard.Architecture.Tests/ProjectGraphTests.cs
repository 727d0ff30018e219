using System.Text.RegularExpressions;
using ChangeGuard.Testing;

namespace ChangeGuard.Architecture.Tests;

/// <summary>docs/architecture.md's project graph is the projects' real references, and the domain stays pure.</summary>
public sealed partial class ProjectGraphTests
{
    [Fact]
    public void Diagram_ProjectGraph_IsTheProjectReferences()
    {
        // Arrange
        var documented = Edges(RepositoryFiles.ReadDocument("architecture.md"));

        // Act
        var actual = SourceTree.SourceProjects()
            .SelectMany(p => p.Value.Select(r => $"{Short(p.Key)} --> {Short(r)}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        // Assert
        Assert.Equal(actual, documented);
    }

    [Theory]
    [InlineData("Microsoft.DurableTask")]
    [InlineData("Microsoft.Azure")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Extensions.Http")]
    [InlineData("System.Net.Http")]
    public void Domain_References_NoDurableAspNetOrHttpPackage(string prefix)
    {
        // Arrange
        var project = Path.Combine(SourceTree.Root, "src", "ChangeGuard.Domain", "ChangeGuard.Domain.csproj");

        // Act
        var references = SourceTree.References(project, "PackageReference")
            .Concat(SourceTree.References(project, "FrameworkReference"))
            .Concat(SourceTree.References(project, "ProjectReference"));

        // Assert
        Assert.DoesNotContain(references, r => r.StartsWith(prefix, StringComparison.Ordinal) || r.EndsWith(".csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void PreviewSidecarPackage_IsReferencedByHostingAlone()
    {
        // Act
        var referencing = SourceTree.AllProjects()
            .Where(p => SourceTree.References(p, "PackageReference").Contains("Microsoft.DurableTask.InProcessTestHost"))
            .Select(Path.GetFileNameWithoutExtension);

        // Assert
        Assert.Equal(["ChangeGuard.Hosting"], referencing);
    }

    private static string Short(string project) => project.Replace("ChangeGuard.", string.Empty, StringComparison.Ordinal);

    /// <summary>The <c>A --> B</c> edges of the mermaid block after <c>&lt;!-- project-graph --&gt;</c>, node labels left out.</summary>
    private static string[] Edges(string document)
    {
        var block = GraphBlock().Match(document);
        Assert.True(block.Success, "docs/architecture.md has no <!-- project-graph --> mermaid block");
        return Edge().Matches(block.Groups[1].Value)
            .Select(m => $"{m.Groups[1].Value} --> {m.Groups[2].Value}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex("<!-- project-graph -->\n```mermaid\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex GraphBlock();

    [GeneratedRegex(@"(\w+)(?:\[[^\]]*\])?\s*-->\s*(\w+)")]
    private static partial Regex Edge();
}

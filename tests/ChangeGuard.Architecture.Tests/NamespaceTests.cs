namespace ChangeGuard.Architecture.Tests;

/// <summary>The namespaces of <c>src/</c>: no cycles among them, and none that a property of its project shadows.</summary>
public sealed class NamespaceTests
{
    [Fact]
    public void Namespaces_DependOnEachOther_WithoutCycles()
    {
        // Arrange
        var graph = NamespaceGraph.Build(SourceTree.SourceFiles());

        // Act
        var cycles = NamespaceGraph.Cycles(graph);

        // Assert
        Assert.True(cycles.Count == 0, "namespace cycles: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void Namespaces_BelowAProjectsRoot_ShadowNoPropertyOfTheProject()
    {
        // Arrange
        var files = SourceTree.SourceFiles();

        // Act
        var shadowing = files.GroupBy(f => f.Project).SelectMany(project =>
        {
            var properties = project.SelectMany(f => f.DeclaredProperties).ToHashSet(StringComparer.Ordinal);
            return project.Select(f => f.Namespace).OfType<string>().Distinct()
                .Where(ns => ns.StartsWith(project.Key + ".", StringComparison.Ordinal))
                .SelectMany(ns => ns[(project.Key.Length + 1)..].Split('.').Select(segment => (ns, segment)))
                .Where(x => properties.Contains(x.segment))
                .Select(x => $"{x.ns} (segment {x.segment})");
        }).Distinct().ToArray();

        // Assert
        Assert.Empty(shadowing);
    }

    [Fact]
    public void NamespaceGraph_CycleThroughAParent_IsFound()
    {
        // Arrange
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["A.B"],
            ["A.B"] = ["A.C"],
            ["A.C"] = ["A"],
            ["D"] = ["A"],
        };

        // Act
        var cycles = NamespaceGraph.Cycles(graph);

        // Assert
        Assert.Equal(["A", "A.B", "A.C"], Assert.Single(cycles).Order(StringComparer.Ordinal));
    }
}

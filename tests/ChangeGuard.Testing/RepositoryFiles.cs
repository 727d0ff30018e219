namespace ChangeGuard.Testing;

/// <summary>The checkout the tests were built from: its root, and its documents for tests that keep docs honest.</summary>
public static class RepositoryFiles
{
    /// <summary>The nearest folder above the test binaries that holds ChangeGuard.sln, or null outside a checkout.</summary>
    public static string? Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChangeGuard.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>A file under <c>docs/</c>, with <c>\n</c> line endings.</summary>
    public static string ReadDocument(string name)
    {
        var root = Root() ?? throw new InvalidOperationException("ChangeGuard.sln was not found above " + AppContext.BaseDirectory);
        return File.ReadAllText(Path.Combine(root, "docs", name)).ReplaceLineEndings("\n");
    }
}

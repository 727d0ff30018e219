namespace ChangeGuard.Benchmarks;

/// <summary>Finds the checkout the benchmarks were built from, so default paths do not depend on the current directory.</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest folder above the binaries (or the current directory) holding ChangeGuard.sln; else the current directory.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChangeGuard.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

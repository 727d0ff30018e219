namespace ChangeGuard.Testing.Processes;

/// <summary>
/// Chromium from the system (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs), for Playwright to drive
/// through its executable path: no browser download. <c>CHANGEGUARD_CHROMIUM</c> names another executable.
/// </summary>
public static class ChromiumBrowser
{
    /// <summary>The environment variable naming a Chromium executable.</summary>
    public const string Variable = "CHANGEGUARD_CHROMIUM";

    /// <summary>The executable, or null when there is none.</summary>
    public static string? Locate()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") }));
        return candidates.FirstOrDefault(File.Exists);
    }
}

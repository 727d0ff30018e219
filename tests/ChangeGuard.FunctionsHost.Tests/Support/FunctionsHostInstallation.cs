namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>
/// The real Azure Functions host the tests run the app under: <c>func</c> from the PATH when present (what users have),
/// otherwise the host folder named by <see cref="Variable"/> (<c>.ci/run</c> builds one from
/// <c>../shared/functions-host</c>). When neither exists the tests are skipped with <see cref="MissingReason"/>.
/// </summary>
public sealed record FunctionsHostInstallation(FunctionsHostKind Kind, string Path)
{
    /// <summary>The environment variable naming a built host folder.</summary>
    public const string Variable = "CHANGEGUARD_FUNCTIONS_HOST";

    /// <summary>The host's entry assembly in a host folder.</summary>
    public const string EntryAssembly = "Microsoft.Azure.WebJobs.Script.WebHost.dll";

    private static readonly Lazy<(FunctionsHostInstallation? Host, string? Missing)> Located = new(() => Locate(Environment.GetEnvironmentVariable));

    /// <summary>The host found on this machine, or null.</summary>
    public static FunctionsHostInstallation? Current => Located.Value.Host;

    /// <summary>Why no host was found, or null when one was.</summary>
    public static string? MissingReason => Located.Value.Missing;

    /// <summary>
    /// Whether the host checks function keys. <c>func</c> does not on a developer's machine; the host folder runs as
    /// Azure does.
    /// </summary>
    public bool ChecksKeys => Kind == FunctionsHostKind.HostFolder;

    /// <summary>Finds a host from the given environment: <c>func</c> on its PATH first, then <see cref="Variable"/>.</summary>
    public static (FunctionsHostInstallation? Host, string? Missing) Locate(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var func = (environment("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "func"))
            .FirstOrDefault(File.Exists);
        if (func is not null)
        {
            return (new FunctionsHostInstallation(FunctionsHostKind.CoreTools, func), null);
        }

        var folder = environment(Variable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return (null, $"no Azure Functions host here: 'func' is not on the PATH and {Variable} is not set (.ci/run builds a host from ../shared/functions-host and sets it)");
        }

        return File.Exists(System.IO.Path.Combine(folder, EntryAssembly))
            ? (new FunctionsHostInstallation(FunctionsHostKind.HostFolder, System.IO.Path.GetFullPath(folder)), null)
            : (null, $"{Variable} names '{folder}', which holds no {EntryAssembly}");
    }
}

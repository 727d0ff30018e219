using System.Reflection;

namespace ChangeGuard.Functions.Tests.Support;

/// <summary>Folders the build told this assembly about: the Functions app's build output and the repository root.</summary>
internal static class Paths
{
    public static string FunctionsAppOutput => Metadata("FunctionsAppOutputDir");

    public static string RepositoryRoot => Metadata("RepositoryRootDir");

    public static string InFunctionsAppOutput(string relative) => Path.Combine(FunctionsAppOutput, relative);

    public static string InRepository(string relative) => Path.Combine(RepositoryRoot, relative);

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"no assembly metadata {key}");
}

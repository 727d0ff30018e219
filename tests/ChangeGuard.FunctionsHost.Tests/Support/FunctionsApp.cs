using System.Reflection;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>The Functions app as a host runs it: the Functions project's build output.</summary>
public static class FunctionsApp
{
    /// <summary>The build output folder; it must hold <c>functions.metadata</c> (the project reference builds it first).</summary>
    public static string Directory()
    {
        var directory = typeof(FunctionsApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsAppOutputDir").Value
            ?? throw new InvalidOperationException("FunctionsAppOutputDir metadata is missing");
        return File.Exists(Path.Combine(directory, "functions.metadata"))
            ? directory
            : throw new InvalidOperationException($"{directory} holds no functions.metadata: build src/ChangeGuard.Functions first");
    }
}

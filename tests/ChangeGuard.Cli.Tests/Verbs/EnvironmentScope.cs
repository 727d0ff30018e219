namespace ChangeGuard.Cli.Tests.Verbs;

/// <summary>Sets environment variables for one test and restores them after.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentScope(params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public static EnvironmentScope Credentials(string? id, string? secret) =>
        new(("ALIBABA_CLOUD_ACCESS_KEY_ID", id), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret), ("ALIBABA_CLOUD_SECURITY_TOKEN", null));

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

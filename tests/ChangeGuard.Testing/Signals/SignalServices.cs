using ChangeGuard.Core;
using ChangeGuard.Core.Signals;
using ChangeGuard.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Signals;

/// <summary>
/// ChangeGuard's container as a host builds it (<c>AddChangeGuardCore</c>), for reading signals over real HTTP without
/// an orchestration: the registration, the HTTP client and the logging are the production ones.
/// </summary>
public sealed class SignalServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private SignalServices(ServiceProvider provider, CapturingLoggerProvider logs)
    {
        _provider = provider;
        Logs = logs;
    }

    /// <summary>Every log line, at every level.</summary>
    public CapturingLoggerProvider Logs { get; }

    public SignalReader Reader => _provider.GetRequiredService<SignalReader>();

    public static SignalServices Create(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddChangeGuardCore(configuration);
        return new SignalServices(services.BuildServiceProvider(), logs);
    }

    public void Dispose() => _provider.Dispose();
}

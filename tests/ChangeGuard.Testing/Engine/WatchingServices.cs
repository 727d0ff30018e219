using ChangeGuard.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Engine;

/// <summary>
/// ChangeGuard's container as a host builds it (<c>AddChangeGuardWatching</c>), without an engine, for tests of activities
/// and the services behind them over real HTTP: the registration, the HTTP clients and the logging are the production ones.
/// </summary>
public sealed class WatchingServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private WatchingServices(ServiceProvider provider, CapturingLoggerProvider logs)
    {
        _provider = provider;
        Logs = logs;
    }

    /// <summary>Every log line, at every level, including the HTTP clients'.</summary>
    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _provider;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static WatchingServices Create(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddChangeGuardWatching(configuration);
        return new WatchingServices(services.BuildServiceProvider(), logs);
    }

    public void Dispose() => _provider.Dispose();
}

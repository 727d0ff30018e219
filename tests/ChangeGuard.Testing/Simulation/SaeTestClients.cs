using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Simulation;

/// <summary>
/// SAE clients for tests, built the way hosts build them (<c>AddSaeClient</c>) but with fast retries and no call budget.
/// Each client's container is kept so the owner can dispose them together.
/// </summary>
public sealed class SaeTestClients : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    /// <summary>A client signed with the given key pair against <paramref name="endpoint"/>.</summary>
    public ISaeClient Create(
        Uri endpoint,
        string accessKeyId,
        string accessKeySecret,
        string? securityToken = null,
        Action<SaeClientOptions>? configure = null,
        ILoggerProvider? logs = null,
        TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSaeClient(configure: options =>
        {
            options.Endpoint = endpoint;
            options.AccessKeyId = accessKeyId;
            options.AccessKeySecret = accessKeySecret;
            options.SecurityToken = securityToken;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
            options.Budget.CallsPerMinute = 0;
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<ISaeClient>();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }
}

using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeGuard.Sae;

/// <summary>Registers the SAE client in a host's container.</summary>
public static class SaeServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ISaeClient"/> with its HTTP client, credential resolver and options.</summary>
    public static IServiceCollection AddSaeClient(this IServiceCollection services, Action<SaeClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SaeClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o =>
        {
            o.Validate();
            return true;
        });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISaeCredentialSource, SaeCredentialResolver>();
        services.AddHttpClient(SaeRequestSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
                MaxConnectionsPerServer = 64,
            });
        services.TryAddSingleton<Budget.SaeCallBudget>();
        services.TryAddSingleton<SaeRequestSender>();
        services.TryAddSingleton<ISaeClient, SaeClient>();
        return services;
    }
}

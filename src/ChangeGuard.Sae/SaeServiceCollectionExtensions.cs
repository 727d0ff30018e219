using ChangeGuard.Domain.Settings;
using ChangeGuard.Sae;
using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SAE client in a host's container.</summary>
public static class SaeServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISaeClient"/> with its HTTP client, credential resolver and options: from section <c>Sae</c> of
    /// <paramref name="configuration"/> when given, then <paramref name="configure"/>; checked at start-up.
    /// </summary>
    public static IServiceCollection AddSaeClient(this IServiceCollection services, IConfiguration? configuration = null, Action<SaeClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SaeClientOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(SaeClientOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateFields(o => o.Validate());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISaeCredentialSource, SaeCredentialResolver>();
        services.AddHttpClient(SaeRequestSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
                MaxConnectionsPerServer = 64,
            });
        services.AddMetrics();
        services.TryAddSingleton<ChangeGuard.Sae.Quota.SaeCallBudget>();
        services.TryAddSingleton<SaeRequestSender>();
        services.TryAddSingleton<ISaeClient, SaeClient>();
        return services;
    }
}

using ChangeGuard.Domain.Settings;
using ChangeGuard.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the signal readers and their settings.</summary>
public static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Prometheus and probe readers, and the Prometheus servers, secrets and probe targets of section
    /// <c>ChangeGuard:Signals</c>, checked at start-up.
    /// </summary>
    public static IServiceCollection AddChangeGuardSignals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SignalOptions>()
            .Bind(configuration.GetSection(SignalOptions.SectionName))
            .ValidateFields(options => options.Validate());

        // Probe and Prometheus requests carry configured secrets in headers: no logging handlers, no redirects (a
        // redirect could leave the probe allow-list).
        services.AddHttpClient(SignalReader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PrometheusQueryReader>();
        services.TryAddSingleton<HttpProbeReader>();
        services.TryAddSingleton<SignalReader>();
        return services;
    }
}

using ChangeGuard.Domain.Settings;
using ChangeGuard.Notifications;
using ChangeGuard.Notifications.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers notification delivery and its channels.</summary>
public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Adds delivery, rate limits and the channels of section <c>ChangeGuard:Notifications</c>, checked at start-up.</summary>
    public static IServiceCollection AddChangeGuardNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateFields(options => options.Validate());

        // Channel URLs can be credentials (Slack, Teams, DingTalk's access token): no logging handlers on this client.
        services.AddHttpClient(NotificationSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NotificationSender>();
        services.TryAddSingleton<ChannelRateLimiter>();
        services.TryAddSingleton<RecentlySent>();
        services.TryAddSingleton<NotificationDelivery>();
        return services;
    }
}

using ChangeGuard.Core;
using ChangeGuard.Core.Activities;
using ChangeGuard.Core.Notifications.Delivery;
using ChangeGuard.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Testing.Notifications;

/// <summary>
/// ChangeGuard's container as a host builds it (<c>AddChangeGuardCore</c>), for tests of the notification activity
/// and delivery over real HTTP: the registration, the HTTP client and the logging are the production ones.
/// </summary>
public sealed class NotificationServices : IDisposable
{
    private readonly ServiceProvider _provider;

    private NotificationServices(ServiceProvider provider, CapturingLoggerProvider logs)
    {
        _provider = provider;
        Logs = logs;
    }

    /// <summary>Every log line, at every level, including the HTTP client's.</summary>
    public CapturingLoggerProvider Logs { get; }

    public NotifyActivity Activity => _provider.GetRequiredService<NotifyActivity>();

    public NotificationDelivery Delivery => _provider.GetRequiredService<NotificationDelivery>();

    public IServiceProvider Services => _provider;

    public static NotificationServices Create(IDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddChangeGuardCore(configuration);
        return new NotificationServices(services.BuildServiceProvider(), logs);
    }

    public void Dispose() => _provider.Dispose();
}

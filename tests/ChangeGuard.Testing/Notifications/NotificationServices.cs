using ChangeGuard.Notifications.Delivery;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Logging;
using ChangeGuard.Watching.Activities;

namespace ChangeGuard.Testing.Notifications;

/// <summary>
/// ChangeGuard's container as a host builds it (<see cref="WatchingServices"/>), for tests of the notification activity
/// and delivery over real HTTP.
/// </summary>
public sealed class NotificationServices : IDisposable
{
    private readonly WatchingServices _core;

    private NotificationServices(WatchingServices core)
    {
        _core = core;
    }

    /// <summary>Every log line, at every level, including the HTTP client's.</summary>
    public CapturingLoggerProvider Logs => _core.Logs;

    public NotifyActivity Activity => _core.Get<NotifyActivity>();

    public NotificationDelivery Delivery => _core.Get<NotificationDelivery>();

    public IServiceProvider Services => _core.Services;

    public static NotificationServices Create(IDictionary<string, string?> settings, TimeProvider? time = null) =>
        new(WatchingServices.Create(settings, time));

    public void Dispose() => _core.Dispose();
}

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// Turns an event into one channel's request: its body format, its signing and its size limit. Pure (the time is
/// given), so every format is a plain unit test and the samples in the docs are its real output.
/// </summary>
public interface INotificationFormatter
{
    /// <summary>The channel type this formats for.</summary>
    ChannelType Type { get; }

    /// <summary>The largest body this formatter produces, below the receiver's documented limit.</summary>
    int MaxBodyBytes { get; }

    /// <summary>The request for an event, signed with the channel's secret at <paramref name="now"/>.</summary>
    NotificationMessage Format(WatchEvent watchEvent, NotificationChannelOptions channel, DateTimeOffset now);
}

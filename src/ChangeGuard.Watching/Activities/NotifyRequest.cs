using ChangeGuard.Notifications;

namespace ChangeGuard.Watching.Activities;

/// <summary>Send one event to one channel, named as configured: the request holds no URL and no secret.</summary>
public sealed record NotifyRequest(WatchEvent Event, string Channel);

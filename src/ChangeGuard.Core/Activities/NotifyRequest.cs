using ChangeGuard.Core.Notifications;

namespace ChangeGuard.Core.Activities;

/// <summary>Send one event to one channel, named as configured: the request holds no URL and no secret.</summary>
public sealed record NotifyRequest(WatchEvent Event, string Channel);

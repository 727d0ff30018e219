namespace ChangeGuard.Notifications.Formatting;

/// <summary>The formatter of each channel type.</summary>
public static class NotificationFormatters
{
    private static readonly Dictionary<ChannelType, INotificationFormatter> ByType = new INotificationFormatter[]
    {
        new WebhookFormatter(), new DingTalkFormatter(), new FeishuFormatter(), new SlackFormatter(), new TeamsFormatter(),
    }.ToDictionary(f => f.Type);

    /// <summary>The formatter for a channel type.</summary>
    public static INotificationFormatter For(ChannelType type) => ByType[type];
}

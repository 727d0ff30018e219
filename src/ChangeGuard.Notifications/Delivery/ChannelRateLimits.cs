namespace ChangeGuard.Notifications.Delivery;

/// <summary>One documented limit: at most <paramref name="Count"/> messages in any <paramref name="Per"/>.</summary>
public sealed record RateLimit(int Count, TimeSpan Per);

/// <summary>
/// The receivers' documented rate limits per channel (per robot, bot or webhook URL): DingTalk 20 a minute (more
/// blocks the robot for 10 minutes), Feishu 5 a second and 100 a minute, Slack about 1 a second, Teams 4 a second.
/// The generic webhook has none.
/// </summary>
public static class ChannelRateLimits
{
    /// <summary>The limits of a channel type.</summary>
    public static IReadOnlyList<RateLimit> Of(ChannelType type) => type switch
    {
        ChannelType.DingTalk => [new RateLimit(20, TimeSpan.FromMinutes(1))],
        ChannelType.Feishu => [new RateLimit(5, TimeSpan.FromSeconds(1)), new RateLimit(100, TimeSpan.FromMinutes(1))],
        ChannelType.Slack => [new RateLimit(1, TimeSpan.FromSeconds(1))],
        ChannelType.Teams => [new RateLimit(4, TimeSpan.FromSeconds(1))],
        _ => [],
    };
}

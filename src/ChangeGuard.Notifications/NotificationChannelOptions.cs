namespace ChangeGuard.Notifications;

/// <summary>
/// One configured channel (<c>ChangeGuard:Notifications:Channels:{name}</c>). Its URL and secret are credentials
/// (a Slack or Teams URL alone lets anyone post): they stay in configuration, never reach the orchestration's
/// history, a log line or an error message, and <see cref="ToString"/> omits them.
/// </summary>
public sealed class NotificationChannelOptions
{
    /// <summary>The events a channel receives when it lists none: ChangeGuard's actions and how watches end.</summary>
    public static IReadOnlyList<WatchEventType> DefaultEvents { get; } =
    [
        WatchEventType.Aborted, WatchEventType.AbortFailed, WatchEventType.DryRunWouldAbort, WatchEventType.Ended,
        WatchEventType.GuardAdopted, WatchEventType.GuardAborted, WatchEventType.BatchPromoted,
        WatchEventType.DryRunWouldPromote,
    ];

    /// <summary><c>webhook</c>, <c>dingtalk</c>, <c>feishu</c>, <c>slack</c> or <c>teams</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Where to POST: the webhook, robot or workflow URL.</summary>
    public string? Url { get; set; }

    /// <summary>The signing secret: <c>whsec_...</c> for a webhook, the sign secret of a DingTalk robot or a Feishu bot.</summary>
    public string? Secret { get; set; }

    /// <summary>The event types to send (names such as <c>aborted</c>, <c>breachCounted</c>); empty means <see cref="DefaultEvents"/>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Events below this severity (<c>info</c>, <c>warning</c>, <c>error</c>) are not sent; default <c>info</c>.</summary>
    public string? MinSeverity { get; set; }

    /// <summary>The channel's type, when <see cref="Type"/> names one.</summary>
    public ChannelType? ParsedType => TryParseName<ChannelType>(Type, out var type) ? type : null;

    /// <summary>The event types this channel receives.</summary>
    public IReadOnlyList<WatchEventType> EffectiveEvents =>
        Events.Count == 0 ? DefaultEvents : Events.Select(e => TryParseName<WatchEventType>(e, out var t) ? (WatchEventType?)t : null).OfType<WatchEventType>().Distinct().ToArray();

    /// <summary>The lowest severity this channel receives.</summary>
    public NotificationSeverity EffectiveMinSeverity => TryParseName<NotificationSeverity>(MinSeverity, out var s) ? s : NotificationSeverity.Info;

    /// <summary>The channel's type only: never its URL or secret.</summary>
    public override string ToString() => $"{Type ?? "untyped"} channel";

    /// <summary>Parses an enum member by name, ignoring case; numbers are not names.</summary>
    internal static bool TryParseName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out value);
    }
}

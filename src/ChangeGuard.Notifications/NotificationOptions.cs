using System.Text.RegularExpressions;
using ChangeGuard.Domain;
using ChangeGuard.Notifications.Signing;

namespace ChangeGuard.Notifications;

/// <summary>
/// The channels ChangeGuard can notify and how deliveries retry (section <c>ChangeGuard:Notifications</c>). Policies
/// refer to channels by name (<c>policy.notify</c>); <see cref="Default"/> is used when a policy names none, and by the
/// rollback guard.
/// </summary>
public sealed partial class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ChangeGuard:Notifications";

    /// <summary>Channels by name.</summary>
    public Dictionary<string, NotificationChannelOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Channels a watch notifies when its policy names none; the rollback guard's channels.</summary>
    public List<string> Default { get; set; } = [];

    /// <summary>How long one delivery may take, all attempts and waits included (1 s to 5 min; default 30 s).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <see cref="DeliveryTimeout"/> allowed; a rate-limit queue longer than this can serve is pointless.</summary>
    internal static readonly TimeSpan LongestDeliveryTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP attempt may take (100 ms to 1 min; default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most attempts of one delivery (1 to 10; default 4).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff between attempts, doubling after each (10 ms to 30 s; default 1 s); a Retry-After wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A channel by name (ignoring case) with its configured name, or null.</summary>
    public (string Name, NotificationChannelOptions Channel)? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var (key, channel) in Channels)
        {
            if (string.Equals(key, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (key, channel);
            }
        }

        return null;
    }

    /// <summary>The subscriptions of the named channels (unknown names skipped, duplicates once).</summary>
    public IReadOnlyList<ChannelSubscription> Subscribe(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var subscriptions = new List<ChannelSubscription>();
        foreach (var name in names)
        {
            if (Find(name) is { } found && !subscriptions.Any(s => string.Equals(s.Channel, found.Name, StringComparison.OrdinalIgnoreCase)))
            {
                subscriptions.Add(new ChannelSubscription(found.Name, found.Channel.EffectiveEvents, found.Channel.EffectiveMinSeverity));
            }
        }

        return subscriptions;
    }

    /// <summary>The problems with these options, naming each setting; never quoting a URL or a secret.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        void Add(string setting, string message) => errors.Add(new ValidationError($"{SectionName}:{setting}", message));

        foreach (var (name, channel) in Channels)
        {
            var prefix = $"Channels:{name}";
            if (!ChannelName().IsMatch(name))
            {
                Add(prefix, "channel names are 1 to 64 letters, digits, '-' or '_'");
            }

            if (channel is null)
            {
                Add($"{prefix}:Type", "is required: webhook, dingtalk, feishu, slack or teams");
                continue;
            }

            var type = channel.ParsedType;
            if (type is null)
            {
                Add($"{prefix}:Type", "is required: webhook, dingtalk, feishu, slack or teams");
            }

            if (string.IsNullOrWhiteSpace(channel.Url))
            {
                Add($"{prefix}:Url", "is required");
            }
            else if (!IsAllowedUrl(channel.Url))
            {
                Add($"{prefix}:Url", "must be an absolute https URL (http only to a loopback address)");
            }

            var hasSecret = !string.IsNullOrEmpty(channel.Secret);
            switch (type)
            {
                case ChannelType.Webhook when hasSecret && !WebhookSecret.TryDecode(channel.Secret, out _):
                    Add($"{prefix}:Secret", "must be 'whsec_' followed by the base64 of 24 to 64 random bytes (Standard Webhooks)");
                    break;
                case ChannelType.DingTalk or ChannelType.Feishu when hasSecret && (string.IsNullOrWhiteSpace(channel.Secret) || channel.Secret!.Length > 512):
                    Add($"{prefix}:Secret", "must be the bot's sign secret (1 to 512 characters)");
                    break;
                case ChannelType.Slack or ChannelType.Teams when hasSecret:
                    Add($"{prefix}:Secret", $"is not used by {channel.Type!.Trim().ToLowerInvariant()} channels (the URL is the secret); remove it");
                    break;
            }

            for (var i = 0; i < channel.Events.Count; i++)
            {
                if (!NotificationChannelOptions.TryParseName<WatchEventType>(channel.Events[i], out _))
                {
                    Add($"{prefix}:Events:{i}", $"must be one of {string.Join(", ", Enum.GetValues<WatchEventType>().Select(WatchEvent.NameOf))}");
                }
            }

            if (channel.MinSeverity is not null && !NotificationChannelOptions.TryParseName<NotificationSeverity>(channel.MinSeverity, out _))
            {
                Add($"{prefix}:MinSeverity", "must be info, warning or error");
            }
        }

        for (var i = 0; i < Default.Count; i++)
        {
            if (Find(Default[i]) is null)
            {
                Add($"Default:{i}", $"names channel '{Clip(Default[i])}', which is not configured under {SectionName}:Channels");
            }
        }

        if (DeliveryTimeout < TimeSpan.FromSeconds(1) || DeliveryTimeout > LongestDeliveryTimeout)
        {
            Add(nameof(DeliveryTimeout), "must be between 1 second and 5 minutes");
        }

        if (AttemptTimeout < TimeSpan.FromMilliseconds(100) || AttemptTimeout > TimeSpan.FromMinutes(1))
        {
            Add(nameof(AttemptTimeout), "must be between 100 milliseconds and 1 minute");
        }

        if (MaxAttempts is < 1 or > 10)
        {
            Add(nameof(MaxAttempts), "must be between 1 and 10");
        }

        if (RetryBaseDelay < TimeSpan.FromMilliseconds(10) || RetryBaseDelay > TimeSpan.FromSeconds(30))
        {
            Add(nameof(RetryBaseDelay), "must be between 10 milliseconds and 30 seconds");
        }

        return errors;
    }

    private static bool IsAllowedUrl(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.UserInfo);

    private static string Clip(string? value) => value is null ? string.Empty : value.Length <= 64 ? value : value[..64] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ChannelName();
}

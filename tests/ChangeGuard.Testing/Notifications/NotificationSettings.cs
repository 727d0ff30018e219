using ChangeGuard.Testing.Options;

namespace ChangeGuard.Testing.Notifications;

/// <summary>
/// Builds <c>ChangeGuard:Notifications</c> settings for tests: channels, defaults, and fast delivery (short backoff
/// and timeouts) unless a test says otherwise.
/// </summary>
public sealed class NotificationSettings : SettingsBuilder
{
    /// <summary>A Standard Webhooks secret (24 bytes) whose base64 is easy to spot in logs and history.</summary>
    public const string WebhookSecret = "whsec_c2VjcmV0LXdlYmhvb2stcmVjb2duaXNhYmxlLTQy";

    /// <summary>A DingTalk sign secret, recognisable.</summary>
    public const string DingTalkSecret = "SECdingtalk-recognisable-5c1e";

    /// <summary>A Feishu sign secret, recognisable.</summary>
    public const string FeishuSecret = "feishu-recognisable-9b07";

    private int _defaults;

    public NotificationSettings()
    {
        Values["ChangeGuard:Notifications:RetryBaseDelay"] = "00:00:00.020";
        Values["ChangeGuard:Notifications:DeliveryTimeout"] = "00:00:15";
        Values["ChangeGuard:Notifications:AttemptTimeout"] = "00:00:05";
    }

    public NotificationSettings Channel(string name, string type, string url, string? secret = null, IEnumerable<string>? events = null, string? minSeverity = null, bool asDefault = true)
    {
        var prefix = $"ChangeGuard:Notifications:Channels:{name}";
        Values[$"{prefix}:Type"] = type;
        Values[$"{prefix}:Url"] = url;
        Values[$"{prefix}:Secret"] = secret;
        Values[$"{prefix}:MinSeverity"] = minSeverity;
        var i = 0;
        foreach (var e in events ?? [])
        {
            Values[$"{prefix}:Events:{i++}"] = e;
        }

        if (asDefault)
        {
            Values[$"ChangeGuard:Notifications:Default:{_defaults++}"] = name;
        }

        return this;
    }

    public NotificationSettings With(string key, string? value)
    {
        Values[key.StartsWith("ChangeGuard:", StringComparison.Ordinal) ? key : "ChangeGuard:Notifications:" + key] = value;
        return this;
    }
}

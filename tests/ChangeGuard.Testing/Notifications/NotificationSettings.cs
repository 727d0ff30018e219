namespace ChangeGuard.Testing.Notifications;

/// <summary>
/// Builds <c>ChangeGuard:Notifications</c> settings for tests: channels, defaults, and fast delivery (short backoff
/// and timeouts) unless a test says otherwise.
/// </summary>
public sealed class NotificationSettings
{
    /// <summary>A Standard Webhooks secret (24 bytes) whose base64 is easy to spot in logs and history.</summary>
    public const string WebhookSecret = "whsec_c2VjcmV0LXdlYmhvb2stcmVjb2duaXNhYmxlLTQy";

    /// <summary>A DingTalk sign secret, recognisable.</summary>
    public const string DingTalkSecret = "SECdingtalk-recognisable-5c1e";

    /// <summary>A Feishu sign secret, recognisable.</summary>
    public const string FeishuSecret = "feishu-recognisable-9b07";

    private readonly Dictionary<string, string?> _values = new()
    {
        ["ChangeGuard:Notifications:RetryBaseDelay"] = "00:00:00.020",
        ["ChangeGuard:Notifications:DeliveryTimeout"] = "00:00:15",
        ["ChangeGuard:Notifications:AttemptTimeout"] = "00:00:05",
    };

    private int _defaults;

    public NotificationSettings Channel(string name, string type, string url, string? secret = null, IEnumerable<string>? events = null, string? minSeverity = null, bool asDefault = true)
    {
        var prefix = $"ChangeGuard:Notifications:Channels:{name}";
        _values[$"{prefix}:Type"] = type;
        _values[$"{prefix}:Url"] = url;
        _values[$"{prefix}:Secret"] = secret;
        _values[$"{prefix}:MinSeverity"] = minSeverity;
        var i = 0;
        foreach (var e in events ?? [])
        {
            _values[$"{prefix}:Events:{i++}"] = e;
        }

        if (asDefault)
        {
            _values[$"ChangeGuard:Notifications:Default:{_defaults++}"] = name;
        }

        return this;
    }

    public NotificationSettings With(string key, string? value)
    {
        _values[key.StartsWith("ChangeGuard:", StringComparison.Ordinal) ? key : "ChangeGuard:Notifications:" + key] = value;
        return this;
    }

    public Dictionary<string, string?> Build(IDictionary<string, string?>? more = null)
    {
        var values = new Dictionary<string, string?>(_values.Where(v => v.Value is not null));
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using ChangeGuard.Notifications.Signing;

namespace ChangeGuard.Notifications.Formatting;

/// <summary>
/// The generic webhook: the whole event as JSON (<see cref="WebhookPayload"/>), signed with the Standard Webhooks
/// scheme when the channel has a <c>whsec_</c> secret. <c>webhook-id</c> is the event id, the same on every retry, so
/// a receiver that remembers ids never acts twice.
/// </summary>
public sealed class WebhookFormatter : INotificationFormatter
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <inheritdoc />
    public ChannelType Type => ChannelType.Webhook;

    /// <summary>Standard Webhooks advises bodies under 20 KB.</summary>
    public int MaxBodyBytes => 20_000;

    /// <inheritdoc />
    public NotificationMessage Format(WatchEvent watchEvent, NotificationChannelOptions channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        ArgumentNullException.ThrowIfNull(channel);
        var body = MessageFit.Fit(watchEvent, MaxBodyBytes,
            e => JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(WatchEvent.NameOf(e.Type), e.OccurredAt, e), Options));
        var timestamp = now.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            [StandardWebhookSignature.IdHeader] = watchEvent.EventId,
            [StandardWebhookSignature.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (WebhookSecret.TryDecode(channel.Secret, out var key))
        {
            headers[StandardWebhookSignature.SignatureHeader] = StandardWebhookSignature.Sign(key, watchEvent.EventId, timestamp, body);
        }

        return new NotificationMessage(new Uri(channel.Url!, UriKind.Absolute), body, "application/json", headers);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(EventText.Json)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

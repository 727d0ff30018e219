using System.Text;
using StandardWebhooks;

namespace ChangeGuard.Notifications.Signing;

/// <summary>
/// Signs a generic webhook the Standard Webhooks way, which receivers can verify with the scheme's libraries:
/// <c>webhook-signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>, the key being the decoded
/// <c>whsec_</c> secret and the timestamp Unix seconds. The signature comes from the StandardWebhooks package, which
/// produces exactly these bytes for the bodies ChangeGuard sends (tests recompute the HMAC independently).
/// </summary>
public static class StandardWebhookSignature
{
    /// <summary>The header carrying the event id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the Unix time in seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying <c>v1,{signature}</c>.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>
    /// Decodes strictly: the package signs the body as text, re-encoded as UTF-8, so a body that is not UTF-8 would be
    /// signed with replacement characters instead of its bytes; refusing it keeps the signature over the bytes sent.
    /// </summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The <c>webhook-signature</c> value for a message.</summary>
    /// <exception cref="DecoderFallbackException">The body is not UTF-8 (ChangeGuard's JSON always is).</exception>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(id);
        return new StandardWebhook(key).Sign(id, DateTimeOffset.FromUnixTimeSeconds(timestamp), StrictUtf8.GetString(body));
    }
}

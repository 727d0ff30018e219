using System.Security.Cryptography;
using System.Text;

namespace ChangeGuard.Notifications.Signing;

/// <summary>
/// Signs a generic webhook the Standard Webhooks way, which receivers can verify with the scheme's libraries:
/// <c>webhook-signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>, the key being the decoded
/// <c>whsec_</c> secret and the timestamp Unix seconds.
/// </summary>
public static class StandardWebhookSignature
{
    /// <summary>The header carrying the event id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the Unix time in seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying <c>v1,{signature}</c>.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The <c>webhook-signature</c> value for a message.</summary>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(id);
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{id}.{timestamp}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}

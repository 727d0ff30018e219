using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChangeGuard.Notifications.Signing;

/// <summary>
/// Feishu / Lark's custom-bot signature: <c>sign = base64(HMAC-SHA256(key = "{s timestamp}\n{secret}", message = empty))</c>,
/// sent in the JSON body with the timestamp as a string; Feishu refuses a timestamp more than an hour off.
/// </summary>
public static class FeishuSignature
{
    /// <summary>The signature for a timestamp in seconds.</summary>
    public static string Sign(string secret, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Encoding.UTF8.GetBytes(timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Array.Empty<byte>()));
    }
}

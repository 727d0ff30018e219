using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChangeGuard.Notifications.Signing;

/// <summary>
/// DingTalk's signed mode ("加签"): <c>sign = urlencode(base64(HMAC-SHA256(key = secret, "{ms timestamp}\n{secret}")))</c>,
/// added to the robot URL as <c>timestamp</c> and <c>sign</c>; DingTalk refuses a timestamp more than an hour off.
/// </summary>
public static class DingTalkSignature
{
    /// <summary>The base64 signature (not yet URL-encoded) for a millisecond timestamp.</summary>
    public static string Sign(string secret, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Encoding.UTF8.GetBytes(secret);
        var message = Encoding.UTF8.GetBytes(timestampMilliseconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>The robot URL with <c>timestamp</c> and the URL-encoded <c>sign</c> appended.</summary>
    public static Uri SignUrl(Uri url, string secret, long timestampMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.OriginalString;
        var separator = text.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var query = string.Create(CultureInfo.InvariantCulture, $"timestamp={timestampMilliseconds}&sign={Uri.EscapeDataString(Sign(secret, timestampMilliseconds))}");
        return new Uri(text + separator + query, UriKind.Absolute);
    }
}

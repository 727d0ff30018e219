namespace ChangeGuard.Notifications.Signing;

/// <summary>
/// A Standard Webhooks secret: <c>whsec_</c> followed by the base64 of 24 to 64 random bytes. The key is the decoded
/// bytes, so sender and receiver agree on it whatever their language.
/// </summary>
public static class WebhookSecret
{
    /// <summary>The prefix of every secret.</summary>
    public const string Prefix = "whsec_";

    /// <summary>Decodes a secret into its key; false when it is not one.</summary>
    public static bool TryDecode(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var encoded = secret[Prefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written) || written is < 24 or > 64)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }
}

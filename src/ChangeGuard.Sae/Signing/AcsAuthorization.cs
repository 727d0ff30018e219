namespace ChangeGuard.Sae.Signing;

/// <summary>The three parts of an <c>ACS3-HMAC-SHA256</c> Authorization header, as a verifier needs them.</summary>
public sealed record AcsAuthorization(string AccessKeyId, IReadOnlyList<string> SignedHeaders, string Signature)
{
    /// <summary>Parses <c>ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..</c>; null when malformed.</summary>
    public static AcsAuthorization? TryParse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith(AcsV3Signer.Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(AcsV3Signer.Algorithm.Length + 1)..].Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            switch (key)
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        if (string.IsNullOrEmpty(credential) || signedHeaders is null || string.IsNullOrEmpty(signature))
        {
            return null;
        }

        return new AcsAuthorization(credential, signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries), signature);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace ChangeGuard.Sae.Signing;

/// <summary>
/// The V3 (<c>ACS3-HMAC-SHA256</c>) request signature that Alibaba Cloud's current SDKs send, reproduced
/// bit for bit against vectors captured from the official client.
/// </summary>
public static class AcsV3Signer
{
    /// <summary>The algorithm name that opens the Authorization header and the string to sign.</summary>
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>SHA-256 of the empty body, sent when a request has none.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Lower-case hex SHA-256 of a body.</summary>
    public static string HashPayload(ReadOnlySpan<byte> body) =>
        body.IsEmpty ? EmptyPayloadHash : Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>True for the headers the canonical request must cover when they are sent.</summary>
    public static bool IsSignedHeader(string name) =>
        name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("x-acs-", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the canonical request and the semicolon-joined list of signed header names.</summary>
    public static (string CanonicalRequest, string SignedHeaders) Canonicalize(AcsSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var headers = request.Headers
            .Where(h => IsSignedHeader(h.Key))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));

        var builder = new StringBuilder(512);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(AcsPercentEncoding.EncodePath(request.Path)).Append('\n');
        AppendCanonicalQuery(builder, request.Query);
        builder.Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(request.HashedPayload);
        return (builder.ToString(), signedHeaders);
    }

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign for a canonical request.</summary>
    public static string ComputeSignature(string canonicalRequest, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        ArgumentNullException.ThrowIfNull(accessKeySecret);
        var stringToSign = BuildStringToSign(canonicalRequest);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary><c>ACS3-HMAC-SHA256\n</c> followed by the hex SHA-256 of the canonical request.</summary>
    public static string BuildStringToSign(string canonicalRequest) =>
        Algorithm + "\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The value of the Authorization header for a request.</summary>
    public static string Sign(AcsSigningRequest request, string accessKeyId, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        var (canonical, signedHeaders) = Canonicalize(request);
        var signature = ComputeSignature(canonical, accessKeySecret);
        return FormatAuthorization(accessKeyId, signedHeaders, signature);
    }

    /// <summary>Formats the Authorization header: no spaces after the commas.</summary>
    public static string FormatAuthorization(string accessKeyId, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}";

    /// <summary>Encodes and sorts query parameters as both the canonical request and the wire use them.</summary>
    public static string CanonicalQueryString(IEnumerable<KeyValuePair<string, string>> query)
    {
        var builder = new StringBuilder(128);
        AppendCanonicalQuery(builder, query);
        return builder.ToString();
    }

    private static void AppendCanonicalQuery(StringBuilder builder, IEnumerable<KeyValuePair<string, string>> query)
    {
        var first = true;
        foreach (var pair in query
                     .Select(p => (Name: AcsPercentEncoding.Encode(p.Key), Value: AcsPercentEncoding.Encode(p.Value ?? string.Empty)))
                     .OrderBy(p => p.Name, StringComparer.Ordinal)
                     .ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            if (!first)
            {
                builder.Append('&');
            }

            builder.Append(pair.Name).Append('=').Append(pair.Value);
            first = false;
        }
    }
}

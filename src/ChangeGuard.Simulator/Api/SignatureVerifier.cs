using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Signing;
using ChangeGuard.Simulator.Model;

namespace ChangeGuard.Simulator.Api;

/// <summary>
/// Checks an incoming request's ACS3 signature the way SAE's gateway does: the key, the date's freshness, that
/// every signable header is signed, the body hash, the signature itself, the STS token and nonce reuse.
/// The query is decoded and re-canonicalised, so clients that send <c>*!()</c> raw still verify.
/// </summary>
internal sealed class SignatureVerifier(string accessKeyId, string accessKeySecret, string? securityToken, TimeProvider time)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private readonly Dictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>Returns the verified AccessKey ID, or throws the <see cref="SimulatorError"/> SAE would answer.</summary>
    public string Verify(HttpRequest request, IReadOnlyList<KeyValuePair<string, string>> query, ReadOnlySpan<byte> body)
    {
        var authorization = AcsAuthorization.TryParse(request.Headers.Authorization.ToString())
            ?? throw new SimulatorError(400, SaeErrorCodes.IncompleteSignature, "The request signature does not conform to Aliyun standards.");

        if (!string.Equals(authorization.AccessKeyId, accessKeyId, StringComparison.Ordinal))
        {
            throw new SimulatorError(404, SaeErrorCodes.AccessKeyNotFound, "Specified access key is not found.");
        }

        var dateText = request.Headers["x-acs-date"].ToString();
        if (!DateTimeOffset.TryParseExact(dateText, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            throw new SimulatorError(400, SaeErrorCodes.TimestampFormat, "Specified time stamp or date value is not well formatted.");
        }

        var now = time.GetUtcNow();
        if ((now - date).Duration() > AllowedSkew)
        {
            throw new SimulatorError(400, SaeErrorCodes.TimestampExpired, "Specified time stamp or date value is expired.");
        }

        var nonce = request.Headers["x-acs-signature-nonce"].ToString();
        if (string.IsNullOrEmpty(nonce))
        {
            throw new SimulatorError(400, SaeErrorCodes.IncompleteSignature, "The signature nonce is missing.");
        }

        var signed = new HashSet<string>(authorization.SignedHeaders, StringComparer.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (!AcsV3Signer.IsSignedHeader(name))
            {
                continue;
            }

            if (!signed.Contains(name))
            {
                throw new SimulatorError(400, SaeErrorCodes.SignatureDoesNotMatch, $"The header {name} is sent but not signed.");
            }

            headers.Add(new(name, header.Value.ToString()));
        }

        foreach (var name in signed)
        {
            if (!headers.Any(h => h.Key == name))
            {
                throw new SimulatorError(400, SaeErrorCodes.SignatureDoesNotMatch, $"The signed header {name} is missing.");
            }
        }

        var payloadHash = AcsV3Signer.HashPayload(body);
        if (!string.Equals(request.Headers["x-acs-content-sha256"].ToString(), payloadHash, StringComparison.Ordinal))
        {
            throw new SimulatorError(400, SaeErrorCodes.SignatureDoesNotMatch, "The x-acs-content-sha256 header does not match the body.");
        }

        var (canonical, _) = AcsV3Signer.Canonicalize(new AcsSigningRequest(request.Method, request.Path.Value ?? "/", query, headers, payloadHash));
        var expected = AcsV3Signer.ComputeSignature(canonical, accessKeySecret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new SimulatorError(400, SaeErrorCodes.SignatureDoesNotMatch,
                "Specified signature does not match our calculation. server string to sign is:" + Escape(AcsV3Signer.BuildStringToSign(canonical)));
        }

        var token = request.Headers["x-acs-security-token"].ToString();
        if (!string.Equals(token, securityToken ?? string.Empty, StringComparison.Ordinal))
        {
            throw new SimulatorError(400, SaeErrorCodes.SecurityTokenMismatch, "The security token does not match the access key.");
        }

        RememberNonce(nonce, now);
        return authorization.AccessKeyId;
    }

    private void RememberNonce(string nonce, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now - _lastPurge > TimeSpan.FromMinutes(1))
            {
                foreach (var stale in _nonces.Where(n => n.Value < now).Select(n => n.Key).ToList())
                {
                    _nonces.Remove(stale);
                }

                _lastPurge = now;
            }

            if (!_nonces.TryAdd(nonce, now + AllowedSkew + AllowedSkew))
            {
                throw new SimulatorError(400, SaeErrorCodes.NonceUsed, SaeResponseWriter.NonceUsedMessage);
            }
        }
    }

    private static string Escape(string canonical) => canonical.Replace("\n", "\\n", StringComparison.Ordinal);
}

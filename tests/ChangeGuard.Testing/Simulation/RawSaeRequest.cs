using System.Globalization;
using ChangeGuard.Sae.Signing;
using ChangeGuard.Sae.Wire;

namespace ChangeGuard.Testing.Simulation;

/// <summary>
/// Hand-built signed requests, for the cases the client never sends (tampered, replayed, stale, wrong key):
/// what the simulator's verifier must refuse.
/// </summary>
public sealed record RawSaeRequest
{
    public required SaeOperation Operation { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public string AccessKeyId { get; init; } = Simulator.SimulatorOptions.DefaultAccessKeyId;

    public string AccessKeySecret { get; init; } = Simulator.SimulatorOptions.DefaultAccessKeySecret;

    public string? SecurityToken { get; init; }

    public DateTimeOffset Date { get; init; } = DateTimeOffset.UtcNow;

    public string Nonce { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Extra headers sent but not signed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UnsignedHeaders { get; init; } = [];

    /// <summary>Replaces the query on the wire after signing (tampering).</summary>
    public string? WireQueryOverride { get; init; }

    public HttpRequestMessage Build(Uri baseAddress)
    {
        var host = baseAddress.Authority;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", host),
            new("x-acs-action", Operation.Action),
            new("x-acs-version", SaeOperations.Version),
            new("x-acs-date", Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Nonce),
            new("x-acs-content-sha256", AcsV3Signer.EmptyPayloadHash),
        };
        if (SecurityToken is not null)
        {
            headers.Add(new("x-acs-security-token", SecurityToken));
        }

        var authorization = AcsV3Signer.Sign(
            new AcsSigningRequest(Operation.Method.Method, Operation.Path, Query, headers, AcsV3Signer.EmptyPayloadHash), AccessKeyId, AccessKeySecret);
        var query = WireQueryOverride ?? AcsV3Signer.CanonicalQueryString(Query);
        var request = new HttpRequestMessage(Operation.Method, new Uri(baseAddress, Operation.Path + (query.Length > 0 ? "?" + query : string.Empty)));
        foreach (var (name, value) in headers.Where(h => h.Key != "host").Concat(UnsignedHeaders))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }
}

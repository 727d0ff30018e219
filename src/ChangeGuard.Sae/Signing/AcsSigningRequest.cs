namespace ChangeGuard.Sae.Signing;

/// <summary>
/// Everything the ACS3 signature covers, in decoded form. The signer canonicalises it; the simulator's verifier
/// rebuilds one from what arrived on the wire, so both sides sign the same thing.
/// </summary>
/// <param name="Method">HTTP method, any case.</param>
/// <param name="Path">The ROA path, such as <c>/pop/v1/sam/changeorder/AbortChangeOrder</c>.</param>
/// <param name="Query">Decoded query parameters; order does not matter.</param>
/// <param name="Headers">Headers to consider; only <c>host</c>, <c>content-type</c> and <c>x-acs-*</c> are signed.</param>
/// <param name="HashedPayload">Lower-case hex SHA-256 of the body (of "" when there is none).</param>
public sealed record AcsSigningRequest(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string HashedPayload);

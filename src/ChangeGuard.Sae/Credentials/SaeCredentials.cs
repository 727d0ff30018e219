namespace ChangeGuard.Sae.Credentials;

/// <summary>
/// An AccessKey pair, optionally with an STS token. <see cref="ToString"/> never shows the secret or the token,
/// so a credential that reaches a log line or an exception by accident leaks nothing.
/// </summary>
public sealed record SaeCredentials
{
    /// <summary>Creates credentials; the id and secret must not be blank.</summary>
    public SaeCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeySecret);
        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken;
    }

    /// <summary>The AccessKey ID, which is not a secret and names the caller in the signature.</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret: the HMAC key.</summary>
    public string AccessKeySecret { get; }

    /// <summary>The STS token, when the key pair is temporary.</summary>
    public string? SecurityToken { get; }

    /// <summary>True when an STS token accompanies the key pair.</summary>
    public bool IsTemporary => SecurityToken is not null;

    /// <inheritdoc />
    public override string ToString() => $"SaeCredentials {{ AccessKeyId = {AccessKeyId}, Secret = ***, Sts = {IsTemporary} }}";
}

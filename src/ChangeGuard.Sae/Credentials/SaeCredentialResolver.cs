using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Errors;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Sae.Credentials;

/// <summary>
/// Reads credentials from <see cref="SaeClientOptions"/> first and then from the environment variables that
/// Alibaba Cloud's own SDKs read, so a process configured for the official CLI works unchanged.
/// </summary>
public sealed class SaeCredentialResolver : ISaeCredentialSource
{
    /// <summary>Environment variable holding the AccessKey ID.</summary>
    public const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>Environment variable holding the AccessKey secret.</summary>
    public const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>Environment variable holding the STS token.</summary>
    public const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private readonly IOptionsMonitor<SaeClientOptions> _options;
    private readonly Func<string, string?> _environment;

    /// <summary>Creates a resolver over options and the process environment.</summary>
    public SaeCredentialResolver(IOptionsMonitor<SaeClientOptions> options)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a resolver over options and a given environment (tests pass their own).</summary>
    public SaeCredentialResolver(IOptionsMonitor<SaeClientOptions> options, Func<string, string?> environment)
    {
        _options = options;
        _environment = environment;
    }

    /// <inheritdoc />
    public SaeCredentials GetCredentials() => Resolve(_options.CurrentValue, _environment);

    /// <summary>Resolves credentials from options, falling back to the environment.</summary>
    public static SaeCredentials Resolve(SaeClientOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        if (!string.IsNullOrWhiteSpace(options.AccessKeyId) || !string.IsNullOrWhiteSpace(options.AccessKeySecret))
        {
            if (string.IsNullOrWhiteSpace(options.AccessKeyId) || string.IsNullOrWhiteSpace(options.AccessKeySecret))
            {
                throw new SaeConfigurationException(
                    "SAE credentials are incomplete: configuration sets only one of Sae:AccessKeyId and Sae:AccessKeySecret; set both.");
            }

            return new SaeCredentials(options.AccessKeyId, options.AccessKeySecret, options.SecurityToken);
        }

        var id = environment(AccessKeyIdVariable);
        var secret = environment(AccessKeySecretVariable);
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret))
        {
            throw new SaeConfigurationException(
                $"SAE credentials are missing: set {AccessKeyIdVariable} and {AccessKeySecretVariable} " +
                $"(and {SecurityTokenVariable} for an STS token), or Sae:AccessKeyId and Sae:AccessKeySecret in configuration.");
        }

        return new SaeCredentials(id, secret, environment(SecurityTokenVariable));
    }
}

namespace ChangeGuard.Sae.Credentials;

/// <summary>Where the client gets its key pair for each request, so keys can rotate without a restart.</summary>
public interface ISaeCredentialSource
{
    /// <summary>The credentials to sign with; throws <see cref="Errors.SaeConfigurationException"/> when there are none.</summary>
    SaeCredentials GetCredentials();
}

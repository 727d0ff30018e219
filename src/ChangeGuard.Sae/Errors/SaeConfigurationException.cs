namespace ChangeGuard.Sae.Errors;

/// <summary>
/// The client cannot be used as configured (no credentials, a malformed region or endpoint). Hosts turn it into
/// one clear line for the user; its message never carries a secret.
/// </summary>
public sealed class SaeConfigurationException(string message) : Exception(message);

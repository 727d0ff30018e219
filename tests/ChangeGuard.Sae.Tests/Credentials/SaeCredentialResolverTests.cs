using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Sae.Tests.Credentials;

public sealed class SaeCredentialResolverTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Resolve_EnvironmentVariables_ReturnsKeyPairAndToken()
    {
        // Arrange
        var environment = Environment(
            (SaeCredentialResolver.AccessKeyIdVariable, "env-id"),
            (SaeCredentialResolver.AccessKeySecretVariable, "env-secret"),
            (SaeCredentialResolver.SecurityTokenVariable, "env-token"));

        // Act
        var credentials = SaeCredentialResolver.Resolve(new SaeClientOptions(), environment);

        // Assert
        Assert.Equal("env-id", credentials.AccessKeyId);
        Assert.Equal("env-secret", credentials.AccessKeySecret);
        Assert.Equal("env-token", credentials.SecurityToken);
    }

    [Fact]
    public void Resolve_ConfiguredKeys_WinOverEnvironment()
    {
        // Arrange
        var options = new SaeClientOptions { AccessKeyId = "cfg-id", AccessKeySecret = "cfg-secret" };
        var environment = Environment((SaeCredentialResolver.AccessKeyIdVariable, "env-id"), (SaeCredentialResolver.AccessKeySecretVariable, "env-secret"));

        // Act
        var credentials = SaeCredentialResolver.Resolve(options, environment);

        // Assert
        Assert.Equal("cfg-id", credentials.AccessKeyId);
        Assert.False(credentials.IsTemporary);
    }

    [Fact]
    public void Resolve_NothingConfigured_ThrowsNamingTheVariables()
    {
        // Act
        var error = Assert.Throws<SaeConfigurationException>(() => SaeCredentialResolver.Resolve(new SaeClientOptions(), Environment()));

        // Assert
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error.Message);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET", error.Message);
        Assert.Contains("ALIBABA_CLOUD_SECURITY_TOKEN", error.Message);
    }

    [Fact]
    public void Resolve_OnlySecretInEnvironment_ThrowsMissing()
    {
        // Arrange
        var environment = Environment((SaeCredentialResolver.AccessKeySecretVariable, "env-secret"));

        // Act / Assert
        Assert.Throws<SaeConfigurationException>(() => SaeCredentialResolver.Resolve(new SaeClientOptions(), environment));
    }

    [Fact]
    public void Resolve_HalfConfigured_ThrowsNamingBothSettings()
    {
        // Arrange
        var options = new SaeClientOptions { AccessKeyId = "cfg-id" };

        // Act
        var error = Assert.Throws<SaeConfigurationException>(() => SaeCredentialResolver.Resolve(options, Environment()));

        // Assert
        Assert.Contains("Sae:AccessKeyId", error.Message);
        Assert.Contains("Sae:AccessKeySecret", error.Message);
    }

    [Fact]
    public void ToString_Credentials_HidesSecretAndToken()
    {
        // Arrange
        var credentials = new SaeCredentials("visible-id", "very-secret-value", "sts-token-value");

        // Act
        var text = credentials.ToString();

        // Assert
        Assert.Contains("visible-id", text);
        Assert.DoesNotContain("very-secret-value", text);
        Assert.DoesNotContain("sts-token-value", text);
    }
}

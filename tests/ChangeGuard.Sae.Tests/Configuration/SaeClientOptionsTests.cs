using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Sae.Tests.Configuration;

public sealed class SaeClientOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new SaeClientOptions().Validate();

    [Fact]
    public void Validate_ZeroAttempts_ThrowsNamingSetting()
    {
        // Act
        var error = Assert.Throws<SaeConfigurationException>(() => new SaeClientOptions { MaxReadAttempts = 0 }.Validate());

        // Assert
        Assert.Contains("Sae:MaxReadAttempts", error.Message);
    }

    [Fact]
    public void Validate_NegativeTimeout_ThrowsNamingSetting()
    {
        // Act
        var error = Assert.Throws<SaeConfigurationException>(() => new SaeClientOptions { AttemptTimeout = TimeSpan.FromSeconds(-1) }.Validate());

        // Assert
        Assert.Contains("Sae:AttemptTimeout", error.Message);
    }

    [Fact]
    public void Validate_NonHttpEndpoint_ThrowsNamingSetting()
    {
        // Act
        var error = Assert.Throws<SaeConfigurationException>(() => new SaeClientOptions { Endpoint = new Uri("ftp://x") }.Validate());

        // Assert
        Assert.Contains("Sae:Endpoint", error.Message);
    }
}

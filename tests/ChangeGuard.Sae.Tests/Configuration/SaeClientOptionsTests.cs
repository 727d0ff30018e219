using ChangeGuard.Sae.Configuration;

namespace ChangeGuard.Sae.Tests.Configuration;

public sealed class SaeClientOptionsTests
{
    [Fact]
    public void Validate_Defaults_FindsNothing()
    {
        // Act
        var errors = new SaeClientOptions().Validate();

        // Assert
        Assert.Empty(errors);
    }

    public static TheoryData<SaeClientOptions, string> BadOptions() => new()
    {
        { new SaeClientOptions { MaxReadAttempts = 0 }, "Sae:MaxReadAttempts" },
        { new SaeClientOptions { AttemptTimeout = TimeSpan.FromSeconds(-1) }, "Sae:AttemptTimeout" },
        { new SaeClientOptions { Endpoint = new Uri("ftp://x") }, "Sae:Endpoint" },
        { new SaeClientOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(1) }, "Sae:RetryBaseDelay" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validate_BadValue_NamesTheSetting(SaeClientOptions options, string setting)
    {
        // Act
        var errors = options.Validate();

        // Assert
        Assert.Equal(setting, Assert.Single(errors).Field);
    }
}

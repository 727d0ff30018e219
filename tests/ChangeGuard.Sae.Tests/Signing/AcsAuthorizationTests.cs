using ChangeGuard.Sae.Signing;

namespace ChangeGuard.Sae.Tests.Signing;

public sealed class AcsAuthorizationTests
{
    [Fact]
    public void TryParse_WellFormedHeader_ReturnsItsParts()
    {
        // Act
        var parsed = AcsAuthorization.TryParse("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=abc");

        // Assert
        Assert.NotNull(parsed);
        Assert.Equal("AK", parsed.AccessKeyId);
        Assert.Equal(["host", "x-acs-date"], parsed.SignedHeaders);
        Assert.Equal("abc", parsed.Signature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acs AK:sig")]
    [InlineData("ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host")]
    [InlineData("ACS3-HMAC-SHA256 garbage")]
    public void TryParse_MalformedHeader_ReturnsNull(string? header)
    {
        // Act
        var parsed = AcsAuthorization.TryParse(header);

        // Assert
        Assert.Null(parsed);
    }
}

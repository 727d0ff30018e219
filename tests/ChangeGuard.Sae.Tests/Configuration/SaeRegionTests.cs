using ChangeGuard.Sae.Configuration;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Sae.Tests.Configuration;

public sealed class SaeRegionTests
{
    [Theory]
    [InlineData("cn-hangzhou")]
    [InlineData("ap-southeast-1")]
    [InlineData("us-west-1")]
    [InlineData("cn-hangzhou-finance")]
    public void IsValid_RegionIds_AreAccepted(string regionId) => Assert.True(SaeRegion.IsValid(regionId));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CN-HANGZHOU")]
    [InlineData("hangzhou")]
    [InlineData("cn hangzhou")]
    [InlineData("cn-hangzhou.evil.com/")]
    [InlineData("-cn")]
    public void IsValid_MalformedIds_AreRejected(string? regionId) => Assert.False(SaeRegion.IsValid(regionId));

    [Fact]
    public void EndpointFor_NoOverride_UsesSaePublicHost()
    {
        // Act
        var endpoint = SaeRegion.EndpointFor("cn-shanghai", null);

        // Assert
        Assert.Equal(new Uri("https://sae.cn-shanghai.aliyuncs.com"), endpoint);
    }

    [Fact]
    public void EndpointFor_Override_UsesOverride()
    {
        // Act
        var endpoint = SaeRegion.EndpointFor("cn-shanghai", new Uri("http://127.0.0.1:18080"));

        // Assert
        Assert.Equal(new Uri("http://127.0.0.1:18080"), endpoint);
    }

    [Fact]
    public void EndpointFor_MalformedRegion_ThrowsNamingTheValue()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => SaeRegion.EndpointFor("Hangzhou!", null));

        // Assert
        Assert.Contains("'Hangzhou!'", error.Message);
        Assert.Equal("regionId", error.ParamName);
    }

    [Theory]
    [InlineData("127.0.0.1:18080")]
    [InlineData("ftp://example")]
    [InlineData("not a url")]
    public void ParseEndpoint_NotHttpUrl_ThrowsClearError(string value)
    {
        // Act
        var error = Assert.Throws<SaeConfigurationException>(() => SaeRegion.ParseEndpoint(value));

        // Assert
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void Known_EveryListedRegion_IsValid() => Assert.All(SaeRegion.Known, r => Assert.True(SaeRegion.IsValid(r)));
}

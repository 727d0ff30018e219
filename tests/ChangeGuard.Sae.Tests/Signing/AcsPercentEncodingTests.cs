using ChangeGuard.Sae.Signing;

namespace ChangeGuard.Sae.Tests.Signing;

public sealed class AcsPercentEncodingTests
{
    [Theory]
    [InlineData("abcXYZ019-_.~", "abcXYZ019-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("*", "%2A")]
    [InlineData("!'()", "%21%27%28%29")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("/:?#[]@", "%2F%3A%3F%23%5B%5D%40")]
    [InlineData("é", "%C3%A9")]
    [InlineData("中文", "%E4%B8%AD%E6%96%87")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void Encode_Value_FollowsRfc3986WithUpperCaseHex(string value, string expected)
    {
        // Act
        var encoded = AcsPercentEncoding.Encode(value);

        // Assert
        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void Encode_VectorKey_MatchesOfficialClientCanonicalForm()
    {
        // Act
        var encoded = AcsPercentEncoding.Encode("a b*c!d'(e)~f:g/h+é");

        // Assert
        Assert.Equal("a%20b%2Ac%21d%27%28e%29~f%3Ag%2Fh%2B%C3%A9", encoded);
    }

    [Theory]
    [InlineData("a%20b%2Ac", "a b*c")]
    [InlineData("a*b!c(d)", "a*b!c(d)")]
    [InlineData("a+b", "a+b")]
    [InlineData("%C3%A9", "é")]
    public void Decode_WireForms_RecoverTheValue(string wire, string expected)
    {
        // Act
        var decoded = AcsPercentEncoding.Decode(wire);

        // Assert
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void EncodePath_SaePath_StaysAsIs()
    {
        // Act
        var path = AcsPercentEncoding.EncodePath("/pop/v1/sam/changeorder/AbortChangeOrder");

        // Assert
        Assert.Equal("/pop/v1/sam/changeorder/AbortChangeOrder", path);
    }
}

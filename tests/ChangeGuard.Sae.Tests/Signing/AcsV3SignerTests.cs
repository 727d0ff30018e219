using ChangeGuard.Sae.Signing;

namespace ChangeGuard.Sae.Tests.Signing;

public sealed class AcsV3SignerTests
{
    public static TheoryData<string> VectorIds()
    {
        var data = new TheoryData<string>();
        foreach (var vector in SignatureVectors.All())
        {
            data.Add(vector.Id);
        }

        return data;
    }

    [Fact]
    public void Vectors_AllCapturedVectorsLoaded_IncludeEveryV3VectorAndTheDocExample()
    {
        // Arrange
        var ids = SignatureVectors.All().Select(v => v.Id).ToArray();

        // Act / Assert
        Assert.Contains("official-doc-example", ids);
        Assert.Contains("abort-change-order-sts", ids);
        Assert.Contains("list-change-orders-encoding", ids);
        Assert.Contains("form-body-post", ids);
        Assert.True(ids.Length >= 11, $"expected every vector and variant, got {ids.Length}");
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Sign_CapturedVector_ReproducesExpectedAuthorization(string id)
    {
        // Arrange
        var vector = SignatureVectors.ById(id);

        // Act
        var authorization = AcsV3Signer.Sign(vector.Request, vector.AccessKeyId, vector.AccessKeySecret);

        // Assert
        Assert.Equal(vector.ExpectedAuthorization, authorization);
    }

    public static TheoryData<string> VectorIdsWithCanonicalRequest()
    {
        var data = new TheoryData<string>();
        foreach (var vector in SignatureVectors.All().Where(v => v.ExpectedCanonicalRequest is not null))
        {
            data.Add(vector.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorIdsWithCanonicalRequest))]
    public void Canonicalize_CapturedVector_MatchesRecordedCanonicalRequest(string id)
    {
        // Arrange
        var vector = SignatureVectors.ById(id);

        // Act
        var (canonical, _) = AcsV3Signer.Canonicalize(vector.Request);

        // Assert
        Assert.Equal(vector.ExpectedCanonicalRequest, canonical);
    }

    [Fact]
    public void BuildStringToSign_DocExample_HashesCanonicalRequestAsDocumented()
    {
        // Arrange
        var vector = SignatureVectors.ById("official-doc-example");
        var (canonical, _) = AcsV3Signer.Canonicalize(vector.Request);

        // Act
        var stringToSign = AcsV3Signer.BuildStringToSign(canonical);

        // Assert
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", stringToSign);
    }

    [Fact]
    public void HashPayload_EmptyBody_IsSha256OfEmptyString()
    {
        // Act
        var hash = AcsV3Signer.HashPayload([]);

        // Assert
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hash);
    }

    [Fact]
    public void Canonicalize_UnsignableHeaders_AreLeftOut()
    {
        // Arrange
        var request = new AcsSigningRequest("GET", "/p", [], [new("host", "h"), new("user-agent", "x"), new("accept", "application/json"), new("x-acs-date", "d")], AcsV3Signer.EmptyPayloadHash);

        // Act
        var (_, signedHeaders) = AcsV3Signer.Canonicalize(request);

        // Assert
        Assert.Equal("host;x-acs-date", signedHeaders);
    }

    [Fact]
    public void Canonicalize_HeaderNamesAndValues_AreLowerCasedTrimmedAndSorted()
    {
        // Arrange
        var request = new AcsSigningRequest("get", "/p", [], [new("X-ACS-Version", " 2019-05-06 "), new("Host", "h")], AcsV3Signer.EmptyPayloadHash);

        // Act
        var (canonical, signed) = AcsV3Signer.Canonicalize(request);

        // Assert
        Assert.Equal("host;x-acs-version", signed);
        Assert.StartsWith("GET\n/p\n\nhost:h\nx-acs-version:2019-05-06\n\n", canonical);
    }

    [Fact]
    public void CanonicalQueryString_UnsortedParameters_AreSortedByEncodedName()
    {
        // Act
        var query = AcsV3Signer.CanonicalQueryString([new("b", "2"), new("a", "1"), new("B", "3")]);

        // Assert
        Assert.Equal("B=3&a=1&b=2", query);
    }

    [Fact]
    public void CanonicalQueryString_EmptyValue_KeepsTheEqualsSign()
    {
        // Act
        var query = AcsV3Signer.CanonicalQueryString([new("Key", string.Empty)]);

        // Assert
        Assert.Equal("Key=", query);
    }
}

using System.Net;
using System.Text.Json;
using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Simulator.Tests.Api;

/// <summary>The simulator refuses what SAE's gateway refuses, with SAE's status codes and error bodies.</summary>
public sealed class SignatureVerificationTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() =>
        _sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1")).Build());

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private static RawSaeRequest Describe() => new()
    {
        Operation = SaeOperations.DescribeChangeOrder,
        Query = [new("ChangeOrderId", "co-1")],
    };

    private async Task<(HttpStatusCode Status, string? Code, JsonElement Body)> SendAsync(RawSaeRequest request)
    {
        using var response = await _http.SendAsync(request.Build(_sim.BaseAddress));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body.TryGetProperty("Code", out var code) ? code.GetString() : null, body);
    }

    [Fact]
    public async Task Verify_CorrectlySignedRequest_IsAnswered()
    {
        // Act
        var (status, code, body) = await SendAsync(Describe());

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("200", code);
        Assert.True(body.GetProperty("Success").GetBoolean());
        Assert.Equal("co-1", body.GetProperty("Data").GetProperty("ChangeOrderId").GetString());
    }

    [Fact]
    public async Task Verify_QueryTamperedAfterSigning_AnswersSignatureDoesNotMatch()
    {
        // Act
        var (status, code, body) = await SendAsync(Describe() with { WireQueryOverride = "ChangeOrderId=co-2" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(SaeErrorCodes.SignatureDoesNotMatch, code);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("RequestId").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("Recommend").GetString()));
    }

    [Fact]
    public async Task Verify_WrongSecret_AnswersSignatureDoesNotMatch()
    {
        // Act
        var (_, code, _) = await SendAsync(Describe() with { AccessKeySecret = "guess" });

        // Assert
        Assert.Equal(SaeErrorCodes.SignatureDoesNotMatch, code);
    }

    [Fact]
    public async Task Verify_UnknownAccessKey_AnswersNotFound()
    {
        // Act
        var (status, code, _) = await SendAsync(Describe() with { AccessKeyId = "nobody" });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(SaeErrorCodes.AccessKeyNotFound, code);
    }

    [Fact]
    public async Task Verify_DateSixteenMinutesOld_AnswersExpired()
    {
        // Act
        var (_, code, _) = await SendAsync(Describe() with { Date = DateTimeOffset.UtcNow.AddMinutes(-16) });

        // Assert
        Assert.Equal(SaeErrorCodes.TimestampExpired, code);
    }

    [Fact]
    public async Task Verify_ReusedNonce_AnswersNonceUsed()
    {
        // Arrange
        var request = Describe() with { Nonce = "00000000000000000000000000000042" };
        await SendAsync(request);

        // Act
        var (_, code, _) = await SendAsync(request);

        // Assert
        Assert.Equal(SaeErrorCodes.NonceUsed, code);
    }

    [Fact]
    public async Task Verify_UnsignedAcsHeader_AnswersSignatureDoesNotMatch()
    {
        // Act
        var (_, code, body) = await SendAsync(Describe() with { UnsignedHeaders = [new("x-acs-extra", "1")] });

        // Assert
        Assert.Equal(SaeErrorCodes.SignatureDoesNotMatch, code);
        Assert.Contains("x-acs-extra", body.GetProperty("Message").GetString());
    }

    [Fact]
    public async Task Verify_NoAuthorization_AnswersIncompleteSignature()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_sim.BaseAddress, SaeOperations.DescribeChangeOrder.Path + "?ChangeOrderId=co-1"));
        request.Headers.Add("x-acs-action", "DescribeChangeOrder");
        request.Headers.Add("x-acs-version", SaeOperations.Version);

        // Act
        using var response = await _http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SaeErrorCodes.IncompleteSignature, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_UnexpectedStsToken_AnswersTokenMismatch()
    {
        // Act
        var (_, code, _) = await SendAsync(Describe() with { SecurityToken = "stolen" });

        // Assert
        Assert.Equal(SaeErrorCodes.SecurityTokenMismatch, code);
    }

    [Fact]
    public async Task Dispatch_WrongMethod_AnswersApiNotFound()
    {
        // Act
        var (status, code, _) = await SendAsync(Describe() with { Operation = SaeOperations.DescribeChangeOrder with { Method = HttpMethod.Put } });

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(SaeErrorCodes.ApiNotFound, code);
    }

    [Fact]
    public async Task Dispatch_ActionNotMatchingPath_AnswersApiNotFound()
    {
        // Act
        var (_, code, _) = await SendAsync(Describe() with { Operation = SaeOperations.DescribeChangeOrder with { Action = "AbortChangeOrder" } });

        // Assert
        Assert.Equal(SaeErrorCodes.ApiNotFound, code);
    }

    [Fact]
    public async Task Operation_MissingRequiredParameter_AnswersNotEmpty()
    {
        // Act
        var (status, code, _) = await SendAsync(Describe() with { Query = [] });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(SaeErrorCodes.ParameterNotEmpty, code);
    }

    [Fact]
    public async Task Operation_AbortWithoutId_AnswersNotEmpty()
    {
        // Act
        var (_, code, _) = await SendAsync(new RawSaeRequest { Operation = SaeOperations.AbortChangeOrder });

        // Assert
        Assert.Equal(SaeErrorCodes.ParameterNotEmpty, code);
    }
}

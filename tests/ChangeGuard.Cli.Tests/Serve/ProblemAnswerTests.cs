using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary>Every 4xx <c>serve</c> gives carries problem details, the router's and the server's own included.</summary>
public sealed class ProblemAnswerTests
{
    [Theory]
    [InlineData("GET", "/nothing-here", 404)]
    [InlineData("GET", "/api/watches/co-1/abort", 405)]
    [InlineData("DELETE", "/api/watches", 405)]
    [InlineData("PUT", "/api/watches/co-1", 405)]
    public async Task Request_NoSuchRouteOrMethod_AnswersProblemDetails(string method, string path, int status)
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());

        // Act
        var response = await host.SendAsync(new HttpMethod(method), path);

        // Assert
        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task Request_UriTooLong_Answers414ProblemDetails()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());

        // Act
        var response = await host.SendAsync(HttpMethod.Get, "/api/watches/" + new string('x', 20_000));

        // Assert
        Assert.Equal(414, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task Healthz_KeyConfigured_AnswersWithoutKeyAndRevealsNothing()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-1").Build(), "http://0.0.0.0:0", "0123456789abcdef-test-key", sendKey: false);

        // Act
        var response = await host.SendAsync(HttpMethod.Get, "/healthz");

        // Assert
        Assert.Equal(200, response.Status);
        Assert.Equal("ok", response.Body);
    }
}

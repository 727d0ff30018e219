using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.Cli.Tests.Serve;

public sealed class ApiKeyTests
{
    private const string Key = "0123456789abcdef-test-key";

    [Fact]
    public async Task Serve_NonLoopbackWithoutKeyInRequest_Answers401()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-1").Build(), "http://0.0.0.0:0", Key, sendKey: false);

        // Act
        var response = await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody);

        // Assert
        Assert.Equal(401, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType);
        Assert.DoesNotContain(Key, response.Body);
    }

    [Fact]
    public async Task Serve_NonLoopbackWithKey_AnswersNormally()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1")).Build(), "http://0.0.0.0:0", Key);

        // Act
        var response = await host.SendAsync(HttpMethod.Get, "/api/watches");

        // Assert
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Serve_WrongKey_Answers401()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-1").Build(), "http://0.0.0.0:0", Key, sendKey: false);
        using var http = new HttpClient { BaseAddress = host.Address };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer not-the-key-at-all-0000");

        // Act
        using var response = await http.GetAsync("/api/watches");

        // Assert
        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public void BindAddress_Loopback_IsRecognised()
    {
        // Assert
        Assert.True(Cli.Serve.BindAddress.Parse("http://127.0.0.1:8080").IsLoopback);
        Assert.True(Cli.Serve.BindAddress.Parse("http://localhost:8080").IsLoopback);
        Assert.True(Cli.Serve.BindAddress.Parse("http://[::1]:8080").IsLoopback);
        Assert.False(Cli.Serve.BindAddress.Parse("http://0.0.0.0:8080").IsLoopback);
        Assert.False(Cli.Serve.BindAddress.Parse("http://*:8080").IsLoopback);
        Assert.False(Cli.Serve.BindAddress.Parse("http://10.0.0.5:8080").IsLoopback);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary><c>serve</c> on loopback, reached by a web page through the operator's browser.</summary>
public sealed class BrowserDefenceTests
{
    private static Scenario LongRunning() => new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(4, 36_000)] }))
        .Build();

    private static async Task<HttpResponseMessage> SendAsync(ServeHttpHost host, HttpMethod method, string path, string? body, string? contentType, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await http.SendAsync(request);
    }

    private static async Task<ServeHttpHost> StartedAsync()
    {
        var host = await ServeHttpHost.StartAsync(LongRunning());
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        return host;
    }

    [Fact]
    public async Task Abort_CrossSiteSimpleRequest_RefusedAndNothingAborted()
    {
        // Arrange: what a page's fetch(..., {method: 'POST', mode: 'no-cors', body: '...'}) sends
        await using var host = await StartedAsync();

        // Act
        using var response = await SendAsync(host, HttpMethod.Post, "/api/watches/co-1/abort", """{"reason":"pwned"}""", "text/plain;charset=UTF-8",
            ("Origin", "https://attacker.example"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors"));
        var watch = await host.SendAsync(HttpMethod.Get, "/api/watches/co-1");

        // Assert
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(JsonDocument.Parse(watch.Body).RootElement.GetProperty("hasEnded").GetBoolean());
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Fact]
    public async Task Abort_CrossSiteWithoutBody_RefusedAndNothingAborted()
    {
        // Arrange
        await using var host = await StartedAsync();

        // Act
        using var response = await SendAsync(host, HttpMethod.Post, "/api/watches/co-1/abort", null, null, ("Origin", "http://evil.example:8080"));

        // Assert
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:8080")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Start_ForeignHostHeader_Answers400NamingHostAndStartsNothing(string hostHeader)
    {
        // Arrange: DNS rebinding: the page's own name now resolves to 127.0.0.1
        await using var host = await ServeHttpHost.StartAsync(LongRunning());

        // Act
        using var response = await SendAsync(host, HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody, "application/json", ("Host", hostHeader));
        var list = await host.SendAsync(HttpMethod.Get, "/api/watches");

        // Assert
        Assert.Equal(400, (int)response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("Host", out _));
        Assert.Equal(0, JsonDocument.Parse(list.Body).RootElement.GetProperty("watches").GetArrayLength());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task List_LoopbackHostNames_AreServed(string name)
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning());

        // Act
        using var response = await SendAsync(host, HttpMethod.Get, "/api/watches", null, null, ("Host", $"{name}:{host.Address.Port}"));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task List_SameOriginBrowserRequest_IsServed()
    {
        // Arrange: a page served by this server itself
        await using var host = await ServeHttpHost.StartAsync(LongRunning());

        // Act
        using var response = await SendAsync(host, HttpMethod.Get, "/api/watches", null, null,
            ("Origin", $"http://127.0.0.1:{host.Address.Port}"), ("Sec-Fetch-Site", "same-origin"));

        // Assert
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("same-site")]
    [InlineData("cross-site")]
    public async Task List_FetchMetadataNotSameOrigin_Answers403(string site)
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning());

        // Act
        using var response = await SendAsync(host, HttpMethod.Get, "/api/watches", null, null, ("Sec-Fetch-Site", site));

        // Assert
        Assert.Equal(403, (int)response.StatusCode);
    }
}

using System.Net.Http.Headers;
using System.Text;
using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Http;

/// <summary>A web page driving the API through a browser, refused by the worker's middleware under the real host.</summary>
[RequiresFunctionsHost]
[Collection(HostCollection.Name)]
public sealed class BrowserDefenceTests(SharedHostedApp shared)
{
    [ConditionalFact]
    public async Task Abort_CrossSiteRequest_Answers403AndAbortsNothing()
    {
        // Arrange
        var app = await shared.ResetAsync(new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
            .Build());
        var client = app.Client();
        await client.StartWatchAsync("app-1", "co-1");
        using var http = new HttpClient { BaseAddress = app.Hosts[0].BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/watches/co-1/abort")
        {
            Content = new StringContent("""{"reason":"pwned"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        if (client.Keys.Function.Length > 0)
        {
            request.Headers.Add("x-functions-key", client.Keys.Function);
        }

        // Act
        using var response = await http.SendAsync(request);
        var watch = await client.SendAsync(HttpMethod.Get, "/api/watches/co-1");

        // Assert
        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"hasEnded\":false", watch.Body, StringComparison.Ordinal);
        Assert.Empty(app.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }
}

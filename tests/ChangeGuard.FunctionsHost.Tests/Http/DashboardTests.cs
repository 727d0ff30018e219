using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Requirements;

namespace ChangeGuard.FunctionsHost.Tests.Http;

/// <summary>The dashboard page served by the Functions app through the real host, without a key.</summary>
[RequiresFunctionsHost]
[Collection(HostCollection.Name)]
public sealed class DashboardTests(SharedHostedApp shared)
{
    [ConditionalFact]
    public async Task Dashboard_WithoutKey_ServesThePageThatForbidsFraming()
    {
        // Arrange
        var app = await shared.ResetAsync(new ScenarioBuilder().WithApp("app-1").Build());
        using var http = new HttpClient { BaseAddress = app.Hosts[0].BaseAddress };

        // Act
        using var page = await http.GetAsync(new Uri("api/dashboard/", UriKind.Relative));
        using var script = await http.GetAsync(new Uri("api/dashboard/dashboard.js", UriKind.Relative));

        // Assert
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("<title>ChangeGuard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(200, (int)script.StatusCode);
    }
}

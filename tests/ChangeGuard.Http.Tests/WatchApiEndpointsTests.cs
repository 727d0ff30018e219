using ChangeGuard.Watching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Http.Tests;

/// <summary>
/// <c>MapWatchApi</c> maps the routes the Functions app declares; the HTTP contract itself runs against both hosts
/// (<c>serve</c> in the CLI tests, the Functions adapters in the Functions tests).
/// </summary>
public sealed class WatchApiEndpointsTests
{
    private static IReadOnlyList<(string Method, string Route)> Mapped()
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Registered, never resolved: no request is made, the routes are only listed.
        builder.Services.AddSingleton<WatchApi>(_ => throw new InvalidOperationException("no request is made"));
        using var app = builder.Build();
        app.MapWatchApi();
        var sources = ((IEndpointRouteBuilder)app).DataSources;
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .ToArray();
    }

    [Theory]
    [InlineData("POST", "/api/" + WatchRoutes.Watches)]
    [InlineData("GET", "/api/" + WatchRoutes.Watches)]
    [InlineData("GET", "/api/" + WatchRoutes.Watch)]
    [InlineData("POST", "/api/" + WatchRoutes.Abort)]
    [InlineData("POST", "/api/" + WatchRoutes.Promote)]
    [InlineData("POST", "/api/" + WatchRoutes.Stop)]
    public void MapWatchApi_Route_IsMapped(string method, string route)
    {
        // Act
        var mapped = Mapped();

        // Assert
        Assert.Contains((method, route), mapped);
    }

    [Fact]
    public void MapWatchApi_Routes_AreTheSixOfTheApi()
    {
        // Act
        var mapped = Mapped();

        // Assert
        Assert.Equal(6, mapped.Count);
    }
}

using ChangeGuard.Functions.Http;
using ChangeGuard.Functions.Tests.Support;
using ChangeGuard.Http;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Http;
using ChangeGuard.Testing.Simulation;
using ChangeGuard.Watching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeGuard.Functions.Tests.Http;

/// <summary>
/// The Functions HTTP adapters over the real engine: a small route table stands in for the Functions host's routing,
/// each request goes to the matching <see cref="WatchHttpFunctions"/> method with the harness's
/// <see cref="DurableTaskClient"/>, and the returned result is executed into the request's context.
/// </summary>
internal sealed class FunctionsHttpHost : IWatchHttpHost
{
    private readonly GuardHarness _harness;
    private readonly WatchHttpFunctions _functions;
    private readonly IReadOnlyList<Route> _routes;

    private FunctionsHttpHost(GuardHarness harness)
    {
        _harness = harness;
        _functions = new WatchHttpFunctions(harness.Host.Services.GetRequiredService<WatchApiFactory>());
        _routes =
        [
            new(HttpMethod.Post, WatchRoutes.Watches, (request, _, client) => _functions.StartAsync(request, client, default)),
            new(HttpMethod.Get, WatchRoutes.Watches, (request, _, client) => _functions.ListAsync(request, client, default)),
            new(HttpMethod.Get, WatchRoutes.Watch, (request, id, client) => _functions.GetAsync(request, id!, client, default)),
            new(HttpMethod.Post, WatchRoutes.Abort, (request, id, client) => _functions.AbortAsync(request, id!, client, default)),
            new(HttpMethod.Post, WatchRoutes.Promote, (request, id, client) => _functions.PromoteAsync(request, id!, client, default)),
            new(HttpMethod.Post, WatchRoutes.Stop, (request, id, client) => _functions.StopAsync(request, id!, client, default)),
        ];
    }

    public SimulatorFixture Simulator => _harness.Simulator;

    public static async Task<FunctionsHttpHost> StartAsync(Scenario scenario) => new(await GuardHarness.StartAsync(scenario));

    public async Task<HttpExchange> SendAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? contentType = HttpExchange.Json)
    {
        var request = HttpExchanges.Request(method, pathAndQuery, jsonBody, contentType);
        foreach (var route in _routes)
        {
            if (route.TryMatch(method, request.Path, out var changeOrderId))
            {
                var result = await route.Invoke(request, changeOrderId, _harness.Client);
                return await HttpExchanges.ExecuteAsync(result, request);
            }
        }

        return new HttpExchange(StatusCodes.Status404NotFound, null, string.Empty, null);
    }

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>One row of the route table: method, template under <c>/api</c>, and the function to call.</summary>
    private sealed class Route(HttpMethod method, string template, Func<HttpRequest, string?, DurableTaskClient, Task<IResult>> invoke)
    {
        private readonly TemplateMatcher _matcher = new(TemplateParser.Parse($"{WatchRoutes.Prefix.TrimStart('/')}/{template}"), []);

        public Func<HttpRequest, string?, DurableTaskClient, Task<IResult>> Invoke { get; } = invoke;

        public bool TryMatch(HttpMethod requestMethod, PathString path, out string? changeOrderId)
        {
            var values = new RouteValueDictionary();
            var matched = requestMethod == method && _matcher.TryMatch(path, values);
            changeOrderId = values.TryGetValue("changeOrderId", out var id) ? id?.ToString() : null;
            return matched;
        }
    }
}

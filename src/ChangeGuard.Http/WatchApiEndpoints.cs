using ChangeGuard.Http;
using ChangeGuard.Watching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the watch API onto an ASP.NET Core host, with the same routes, bodies and status codes as the Functions app.</summary>
public static class WatchApiEndpoints
{
    /// <summary>
    /// Maps <c>/api/watches</c> (start, list), <c>/api/watches/{changeOrderId}</c> (get) and its <c>abort</c> and
    /// <c>stop</c> commands onto <see cref="WatchHttpHandlers"/>; a <see cref="WatchApi"/> must be registered.
    /// </summary>
    public static RouteGroupBuilder MapWatchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(WatchRoutes.Prefix);
        api.MapPost(WatchRoutes.Watches, (WatchApi watches, HttpRequest request, CancellationToken ct) => WatchHttpHandlers.StartAsync(watches, request, ct));
        api.MapGet(WatchRoutes.Watches, (WatchApi watches, HttpRequest request, CancellationToken ct) => WatchHttpHandlers.ListAsync(watches, request, ct));
        api.MapGet(WatchRoutes.Watch, (WatchApi watches, string changeOrderId, CancellationToken ct) => WatchHttpHandlers.GetAsync(watches, changeOrderId, ct));
        api.MapPost(WatchRoutes.Abort, (WatchApi watches, string changeOrderId, HttpRequest request, CancellationToken ct) => WatchHttpHandlers.AbortAsync(watches, changeOrderId, request, ct));
        api.MapPost(WatchRoutes.Promote, (WatchApi watches, string changeOrderId, HttpRequest request, CancellationToken ct) => WatchHttpHandlers.PromoteAsync(watches, changeOrderId, request, ct));
        api.MapPost(WatchRoutes.Stop, (WatchApi watches, string changeOrderId, HttpRequest request, CancellationToken ct) => WatchHttpHandlers.StopAsync(watches, changeOrderId, request, ct));
        return api;
    }
}

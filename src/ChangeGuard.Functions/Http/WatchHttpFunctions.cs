using ChangeGuard.Http;
using ChangeGuard.Watching;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ChangeGuard.Functions.Http;

/// <summary>
/// The watch API as HTTP functions. Each one hands the request to Core's <see cref="WatchHttpHandlers"/> and returns
/// its <see cref="IResult"/> as is (the ASP.NET Core integration executes it), so status codes, bodies and
/// validation are Core's and cannot drift from the other hosts.
/// </summary>
public sealed class WatchHttpFunctions(WatchApiFactory watches)
{
    /// <summary>Function name of <c>POST /api/watches</c>.</summary>
    public const string StartName = "StartWatch";

    /// <summary>Function name of <c>GET /api/watches/{changeOrderId}</c>.</summary>
    public const string GetName = "GetWatch";

    /// <summary>Function name of <c>GET /api/watches</c>.</summary>
    public const string ListName = "ListWatches";

    /// <summary>Function name of <c>POST /api/watches/{changeOrderId}/abort</c>.</summary>
    public const string AbortName = "AbortWatch";

    /// <summary>Function name of <c>POST /api/watches/{changeOrderId}/promote</c>.</summary>
    public const string PromoteName = "PromoteWatch";

    /// <summary>Function name of <c>POST /api/watches/{changeOrderId}/stop</c>.</summary>
    public const string StopName = "StopWatch";

    /// <summary>Starts a watch: 202 with Location, 200 when the order is already watched, 400 naming bad fields.</summary>
    [Function(StartName)]
    public Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = WatchRoutes.Watches)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WatchHttpHandlers.StartAsync(watches.Create(client), request, cancellationToken);

    /// <summary>Reads one watch: 200, or 404 when there is none.</summary>
    [Function(GetName)]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = WatchRoutes.Watch)] HttpRequest request,
        string changeOrderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WatchHttpHandlers.GetAsync(watches.Create(client), changeOrderId, cancellationToken);

    /// <summary>Lists a page of watches (<c>status</c>, <c>top</c>, <c>continuationToken</c>).</summary>
    [Function(ListName)]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = WatchRoutes.Watches)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WatchHttpHandlers.ListAsync(watches.Create(client), request, cancellationToken);

    /// <summary>Asks a running watch to abort its change order now: 202, 404 or 409.</summary>
    [Function(AbortName)]
    public Task<IResult> AbortAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = WatchRoutes.Abort)] HttpRequest request,
        string changeOrderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WatchHttpHandlers.AbortAsync(watches.Create(client), changeOrderId, request, cancellationToken);

    /// <summary>Asks a running watch to confirm the batch its manual release waits for now: 202, 404 or 409.</summary>
    [Function(PromoteName)]
    public Task<IResult> PromoteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = WatchRoutes.Promote)] HttpRequest request,
        string changeOrderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WatchHttpHandlers.PromoteAsync(watches.Create(client), changeOrderId, request, cancellationToken);

    /// <summary>Asks a running watch to stop watching and leave the order alone: 202, 404 or 409.</summary>
    [Function(StopName)]
    public Task<IResult> StopAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = WatchRoutes.Stop)] HttpRequest request,
        string changeOrderId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        WatchHttpHandlers.StopAsync(watches.Create(client), changeOrderId, request, cancellationToken);
}

using System.Net;
using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Control;

/// <summary>
/// The loopback-only control API under <c>/_sim</c>: load a scenario, start or confirm change orders, change faults
/// and read the request log. Tests and demos drive the simulator through it; SAE has nothing like it.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app, SimulatedWorld world, RequestLog log)
    {
        var group = app.MapGroup("/_sim").AddEndpointFilter(async (context, next) =>
        {
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            return remote is not null && IPAddress.IsLoopback(remote)
                ? await next(context).ConfigureAwait(false)
                : Results.Problem(statusCode: 403, title: "The control API answers loopback callers only.");
        });

        group.MapGet("/health", () => Results.Ok(new { status = "ok", scenario = world.Scenario.Name }));

        group.MapPost("/scenario", async (HttpRequest request) =>
        {
            var scenario = ScenarioLoader.Parse(await ReadAsync(request).ConfigureAwait(false), "scenario");
            world.Load(scenario);
            return Results.Ok(Describe(world));
        });

        group.MapGet("/scenario", () => Results.Ok(Describe(world)));

        group.MapPost("/faults", async (HttpRequest request) =>
        {
            world.SetFaults(ScenarioLoader.ParseFaults(await ReadAsync(request).ConfigureAwait(false)));
            return Results.Ok(world.Faults);
        });

        group.MapPost("/changeorders", async (HttpRequest request) =>
        {
            var definition = ScenarioLoader.ParseChangeOrder(await ReadAsync(request).ConfigureAwait(false));
            var id = world.CreateChangeOrder(definition);
            return Results.Created($"/_sim/changeorders/{id}", OrderView(world, id));
        });

        group.MapGet("/changeorders/{id}", (string id) => OrderView(world, id) is { } view ? Results.Ok(view) : Results.NotFound());

        group.MapPost("/changeorders/{id}/confirm", (string id) =>
        {
            world.Confirm(id);
            return Results.Ok(OrderView(world, id));
        });

        group.MapGet("/apps/{appId}/probe-requests", (string appId) =>
            world.Read(view => view.World.FindAppUnlocked(appId)?.ProbeRequests.ToArray()) is { } bodies ? Results.Ok(bodies) : Results.NotFound());

        group.MapGet("/requests", (string? action, long? after) => Results.Ok(log.Read(action, after ?? 0)));

        group.MapDelete("/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }

    /// <summary>Maps scenario and state errors to problem details instead of a 500.</summary>
    public static async Task HandleErrorsAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (ScenarioException ex) when (!context.Response.HasStarted)
        {
            await Results.Problem(statusCode: 400, title: "Invalid simulator input", detail: ex.Message).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (SimulatorError ex) when (!context.Response.HasStarted)
        {
            await Results.Problem(statusCode: ex.Status, title: ex.Code, detail: ex.Message).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    private static object Describe(SimulatedWorld world) => world.Read(view => new
    {
        scenario = view.World.Scenario.Name,
        timeScale = view.World.Scenario.TimeScale,
        apps = view.World.AppsUnlocked.Select(a => new
        {
            appId = a.AppId,
            regionId = a.Definition.RegionId,
            namespaceId = a.NamespaceId,
            changeOrders = a.Orders.Select(o => o.ChangeOrderId).ToArray(),
        }).ToArray(),
    });

    private static object? OrderView(SimulatedWorld world, string id) => world.Read(view =>
    {
        var order = view.World.FindOrderUnlocked(id);
        if (order is null)
        {
            return null;
        }

        var snapshot = order.Snapshot(view.Now);
        return (object)new
        {
            changeOrderId = order.ChangeOrderId,
            appId = order.App.AppId,
            status = snapshot.Status,
            statusCode = (int)snapshot.Status,
            subStatus = (int)snapshot.SubStatus,
            createdAt = order.CreatedAt,
            scenarioSeconds = order.ScenarioSeconds(view.Now),
            faultAppearsAt = order.FaultAppearsAt(view.Now),
            abortedAt = order.AbortedAt is { } a ? order.RealTime(a) : (DateTimeOffset?)null,
            rolledBack = order.RolledBack,
            abortAttempts = order.AbortAttempts,
            batches = order.Plans.Select(p => new
            {
                pipelineId = p.PipelineId,
                instances = p.SlotCount,
                status = snapshot.Batches[p.Index].Status,
                startedAt = snapshot.Batches[p.Index].StartedAt is { } s ? order.RealTime(s) : (DateTimeOffset?)null,
            }).ToArray(),
        };
    });

    private static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}

using System.Text;
using System.Text.Json;
using ChangeGuard.Simulator.Model;

namespace ChangeGuard.Simulator.AppSignals;

/// <summary>
/// What an app itself would serve, next to SAE's API: request metrics for Prometheus to scrape (<c>/metrics</c> for
/// every app, <c>/apps/{appId}/metrics</c> for one) and a probe endpoint (<c>/apps/{appId}/probe</c>) whose answer the
/// scenario scripts. No signature: these are the app's, not SAE's.
/// </summary>
internal static class AppEndpoints
{
    private const int ProbeRequestsKept = 20;

    public static void Map(WebApplication app, SimulatedWorld world)
    {
        app.MapGet("/metrics", () => Exposition(world, null));
        app.MapGet("/apps/{appId}/metrics", (string appId) => Exposition(world, appId));
        app.MapMethods("/apps/{appId}/probe", ["GET", "POST", "PUT"], (string appId, HttpRequest request) => ProbeAsync(world, appId, request));
    }

    private static IResult Exposition(SimulatedWorld world, string? appId)
    {
        var apps = world.Read(view => view.World.AppsUnlocked
            .Where(a => appId is null || a.AppId == appId)
            .Select(a => AppMetricsSnapshot.Of(a, view.Now, view.World.Scenario.TimeScale))
            .ToArray());
        return appId is not null && apps.Length == 0
            ? Results.NotFound()
            : Results.Text(PrometheusExposition.Write(apps), PrometheusExposition.ContentType, Encoding.UTF8);
    }

    private static async Task<IResult> ProbeAsync(SimulatedWorld world, string appId, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        var answer = world.Read(view =>
        {
            var app = view.World.FindAppUnlocked(appId);
            if (app is null)
            {
                return null;
            }

            app.ProbeRequests.Add(body);
            if (app.ProbeRequests.Count > ProbeRequestsKept)
            {
                app.ProbeRequests.RemoveAt(0);
            }

            var latest = app.Orders.LastOrDefault();
            var seconds = latest?.ScenarioSeconds(view.Now) ?? (view.Now - app.LoadedAt).TotalSeconds * view.World.Scenario.TimeScale;
            return app.Definition.Probe.Where(p => p.FromSecond <= seconds).OrderBy(p => p.FromSecond).LastOrDefault()
                ?? new Scenarios.ProbeAnswerDefinition { Json = JsonDocument.Parse("{\"ok\":true}").RootElement };
        });

        if (answer is null)
        {
            return Results.NotFound();
        }

        if (answer.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(answer.DelayMs), world.Time, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return answer.Text is { } text
            ? Results.Text(text, "text/html", Encoding.UTF8, answer.Status)
            : Results.Text(answer.Json?.GetRawText() ?? string.Empty, "application/json", Encoding.UTF8, answer.Status);
    }
}

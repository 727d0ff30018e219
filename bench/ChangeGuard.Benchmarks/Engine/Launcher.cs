using System.Diagnostics;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// Starts many watches or bare loops spread evenly over one interval, as real deployments arrive, rather than all in
/// the same instant (which would keep every timer of the run in one burst).
/// </summary>
public static class Launcher
{
    private const int InFlight = 32;

    /// <summary>Starts a watch per change order through the watch API, as <c>serve</c> would.</summary>
    public static Task WatchesAsync(WatchApi watches, IReadOnlyList<string> changeOrderIds, TimeSpan interval, TimeSpan spread, CancellationToken cancellationToken) =>
        SpreadAsync(changeOrderIds, spread, async id =>
        {
            var started = await watches.StartAsync(new WatchStartRequest
            {
                RegionId = FleetScenario.RegionId,
                AppId = FleetScenario.AppOf(id),
                ChangeOrderId = id,
                Policy = new WatchPolicyOverrides { PollInterval = interval },
                RequestedBy = "engine-bench",
            }, cancellationToken).ConfigureAwait(false);
            if (started.Kind != WatchStartKind.Started)
            {
                throw new InvalidOperationException($"watch of {id} did not start: {started.Kind} {string.Join("; ", started.Errors.Select(e => e.Field + " " + e.Message))}");
            }
        });

    /// <summary>Starts <paramref name="count"/> bare loops.</summary>
    public static Task BareLoopsAsync(DurableTaskClient client, int count, TimeSpan interval, int pollsPerGeneration, TimeSpan spread, CancellationToken cancellationToken) =>
        SpreadAsync(Enumerable.Range(0, count).Select(i => $"bare-{i:D5}").ToArray(), spread, id =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(BareLoopOrchestrator), new BareLoopInput(interval, pollsPerGeneration),
                new StartOrchestrationOptions(id), cancellationToken));

    private static async Task SpreadAsync(IReadOnlyList<string> ids, TimeSpan spread, Func<string, Task> start)
    {
        var began = Stopwatch.GetTimestamp();
        using var gate = new SemaphoreSlim(InFlight);
        var tasks = new List<Task>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var due = spread * i / ids.Count;
            var wait = due - Stopwatch.GetElapsedTime(began);
            if (wait > TimeSpan.FromMilliseconds(5))
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            await gate.WaitAsync().ConfigureAwait(false);
            var id = ids[i];
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await start(id).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}

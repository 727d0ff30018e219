using ChangeGuard.Domain.Policies;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>What every budget round does with its watches: start them with the suite's policy, wait for polls, read the advised intervals, stop them.</summary>
public static class BudgetWatches
{
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    /// <summary>Starts a watch with the suite's scaled policy.</summary>
    public static Task StartAsync(WatchApi watches, string appId, string changeOrderId, CancellationToken cancellationToken, TimeSpan? timeout = null, IReadOnlyList<SignalDefinition>? signals = null) =>
        BenchWatches.StartAsync(watches, appId, changeOrderId, new WatchPolicyOverrides
        {
            PollInterval = BudgetScale.PollInterval,
            FailureLimit = BudgetScale.FailureLimit,
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
            AbortDeadline = TimeSpan.FromSeconds(30),
            AbortConfirmTimeout = TimeSpan.FromSeconds(10),
            Signals = signals,
        }, cancellationToken);

    /// <summary>Waits until every watch of <paramref name="orders"/> has polled <paramref name="polls"/> times; false when the bound passed first.</summary>
    public static Task<bool> UntilPolledAsync(WatchApi watches, IReadOnlyList<string> orders, int polls, TimeSpan limit, CancellationToken cancellationToken) =>
        BoundedWait.UntilAsync(async () =>
        {
            foreach (var id in orders)
            {
                var view = await watches.GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (view is not { HasEnded: true } && (view?.Status?.Polls ?? 0) < polls)
                {
                    return false;
                }
            }

            return true;
        }, limit, cancellationToken);

    /// <summary>Per watch, the interval the planner advised last (next poll time minus last decision time).</summary>
    public static async Task<IReadOnlyList<TimeSpan>> AdvisedIntervalsAsync(WatchApi watches, IEnumerable<string> orders, CancellationToken cancellationToken)
    {
        var intervals = new List<TimeSpan>();
        foreach (var id in orders)
        {
            var view = await watches.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (view?.Status is { NextPollAt: { } next, LastDecisions: [.., var last] })
            {
                intervals.Add(next - last.At);
            }
        }

        return intervals;
    }

    /// <summary>Tells every watch to stop; the engine's disposal (bounded) then ends whatever is still in flight.</summary>
    public static async Task StopAllAsync(WatchApi watches, IReadOnlyList<string> orders)
    {
        using var limit = new CancellationTokenSource(StopLimit);
        try
        {
            var command = new ManualCommand("benchmark round over", "changeguard-bench");
            foreach (var id in orders)
            {
                await watches.StopAsync(id, command, limit.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"Budget: could not send every stop within {StopLimit.TotalSeconds:0} s; disposing the engine anyway.");
        }
    }
}

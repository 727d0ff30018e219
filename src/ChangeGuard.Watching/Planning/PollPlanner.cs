using System.Collections.Concurrent;
using ChangeGuard.Sae.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Watching.Planning;

/// <summary>
/// Stretches poll intervals so that all watches together stay within the SAE call budget. Every poll reports the
/// watch's demand (calls per poll at its requested interval, and whether it is in a risky phase); the planner
/// answers the interval to wait. When demand exceeds the budget, elevated watches keep their interval as long as
/// normal watches keep at least <see cref="NormalFloorShare"/> of the budget, and normal watches stretch by one
/// common factor. A share is held back for aborts, their confirmations and the rollback guard.
/// </summary>
/// <remarks>
/// Demand is what this process has seen recently. On a scaled-out host each instance sees the polls of most
/// watches (activities land on every instance in turn, and an entry lives three advised intervals), so each
/// estimates nearly the whole demand and stretches alike: the intervals, not the per-process token buckets, keep
/// the account within its budget.
/// </remarks>
public sealed class PollPlanner(IOptionsMonitor<SaeClientOptions> options, TimeProvider time)
{
    /// <summary>Budget share held back for aborts, confirmations and the rollback guard.</summary>
    public const double ReserveShare = 0.1;

    /// <summary>Budget share normal watches keep when elevated watches want more.</summary>
    public const double NormalFloorShare = 0.3;

    /// <summary>The longest interval the planner stretches to (the policy's own maximum).</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, WatchDemand> _demands = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a watch's demand (<paramref name="callsPerPoll"/>: what its polls cost on average from now on) and returns
    /// how long it should wait before its next poll.
    /// </summary>
    public TimeSpan Advise(string changeOrderId, TimeSpan requested, bool elevated, double callsPerPoll)
    {
        ArgumentNullException.ThrowIfNull(changeOrderId);
        var budget = options.CurrentValue.Budget;
        if (!budget.Enabled || requested <= TimeSpan.Zero)
        {
            return requested;
        }

        var now = time.GetUtcNow();
        _demands.TryGetValue(changeOrderId, out var previous);

        var rate = Math.Max(1, callsPerPoll) * 60 / requested.TotalSeconds;
        var lastInterval = previous?.Advised ?? requested;
        _demands[changeOrderId] = new WatchDemand(rate, elevated, now, lastInterval, requested);
        Purge(now);

        var (elevatedFactor, normalFactor) = Factors(budget.CallsPerMinute);
        var factor = elevated ? elevatedFactor : normalFactor;
        var advised = TimeSpan.FromTicks((long)Math.Min(requested.Ticks * factor, Math.Max(MaxInterval.Ticks, requested.Ticks)));
        if (advised < requested)
        {
            advised = requested;
        }

        _demands[changeOrderId] = new WatchDemand(rate, elevated, now, advised, requested);
        return advised;
    }

    /// <summary>Drops a watch whose change order has ended, so its demand stops counting at once.</summary>
    public void Forget(string changeOrderId) => _demands.TryRemove(changeOrderId, out _);

    /// <summary>The watches currently counted and their demand in calls per minute.</summary>
    public (int Watches, double CallsPerMinute) CurrentDemand()
    {
        Purge(time.GetUtcNow());
        var demands = _demands.Values.ToArray();
        return (demands.Length, demands.Sum(d => d.Rate));
    }

    private (double Elevated, double Normal) Factors(int callsPerMinute)
    {
        var budget = callsPerMinute * (1 - ReserveShare);
        var demands = _demands.Values.ToArray();
        var elevated = demands.Where(d => d.Elevated).Sum(d => d.Rate);
        var normal = demands.Where(d => !d.Elevated).Sum(d => d.Rate);
        if (elevated + normal <= budget)
        {
            return (1, 1);
        }

        var elevatedShare = normal > 0 ? Math.Min(elevated, Math.Max(budget - normal, budget * (1 - NormalFloorShare))) : Math.Min(elevated, budget);
        var normalShare = budget - elevatedShare;
        var elevatedFactor = elevated > elevatedShare ? elevated / Math.Max(elevatedShare, 1e-6) : 1;
        var normalFactor = normal > 0 ? normal / Math.Max(normalShare, 1e-6) : 1;
        return (Math.Max(1, elevatedFactor), Math.Max(1, normalFactor));
    }

    /// <summary>
    /// Drops the demand of watches not seen for three advised intervals, or four requested ones if longer: a watch that
    /// stopped polling (stopped, ended, moved to another instance) stops counting within a minute at 15 s polls.
    /// </summary>
    private void Purge(DateTimeOffset now)
    {
        foreach (var (id, demand) in _demands)
        {
            var lifetime = demand.Advised * 3 > demand.Requested * 4 ? demand.Advised * 3 : demand.Requested * 4;
            if (now - demand.SeenAt > lifetime)
            {
                _demands.TryRemove(new KeyValuePair<string, WatchDemand>(id, demand));
            }
        }
    }

    private sealed record WatchDemand(double Rate, bool Elevated, DateTimeOffset SeenAt, TimeSpan Advised, TimeSpan Requested);
}

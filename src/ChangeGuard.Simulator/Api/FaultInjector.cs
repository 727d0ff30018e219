using ChangeGuard.Simulator.Model;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Api;

/// <summary>What the fault plan does to one call.</summary>
internal enum FaultDecision
{
    /// <summary>Answer normally.</summary>
    None,

    /// <summary>HTTP 400 <c>Throttling.User</c>.</summary>
    Throttle,

    /// <summary>HTTP 500 <c>InternalError</c>.</summary>
    InternalError,

    /// <summary>HTTP 503 <c>ServiceUnavailable</c>.</summary>
    ServiceUnavailable,

    /// <summary>Drop the connection without an answer.</summary>
    Reset,

    /// <summary>Answer something that is not SAE's API.</summary>
    Malformed,
}

/// <summary>Decides, from SAE's account-wide rate limit and the scenario's seeded random, how a call misbehaves.</summary>
internal sealed class FaultInjector(SimulatedWorld world)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Decides for one call under the faults that apply now (the rate limit applies whatever they are).</summary>
    public FaultDecision Decide(string action, string accessKeyId, FaultDefinition faults)
    {
        var limit = world.Scenario.RateLimitPerMinute;
        if (limit > 0 && !Admit(accessKeyId, limit))
        {
            return FaultDecision.Throttle;
        }

        if (!AppliesTo(faults, action))
        {
            return FaultDecision.None;
        }

        var total = faults.ThrottleRatio + faults.ServerErrorRatio + faults.ResetRatio + faults.MalformedRatio;
        if (total <= 0)
        {
            return FaultDecision.None;
        }

        var draw = world.NextRandom();
        if (draw < faults.ThrottleRatio)
        {
            return FaultDecision.Throttle;
        }

        draw -= faults.ThrottleRatio;
        if (draw < faults.ServerErrorRatio)
        {
            return draw < faults.ServerErrorRatio / 2 ? FaultDecision.InternalError : FaultDecision.ServiceUnavailable;
        }

        draw -= faults.ServerErrorRatio;
        if (draw < faults.ResetRatio)
        {
            return FaultDecision.Reset;
        }

        draw -= faults.ResetRatio;
        return draw < faults.MalformedRatio ? FaultDecision.Malformed : FaultDecision.None;
    }

    private static bool AppliesTo(FaultDefinition faults, string action) =>
        faults.Actions.Count == 0 || faults.Actions.Contains(action, StringComparer.Ordinal);

    private bool Admit(string accessKeyId, int limit)
    {
        var now = world.Time.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(accessKeyId, out var window))
            {
                window = new Queue<DateTimeOffset>();
                _windows.Add(accessKeyId, window);
            }

            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromMinutes(1))
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }
}

using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Api;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>What one budget round measured. Durations are real (not yet scaled to production).</summary>
public sealed record RoundResult
{
    /// <summary>Per detected bad rollout: from the fault appearing to its first AbortChangeOrder reaching the simulator.</summary>
    public required IReadOnlyList<TimeSpan> Latencies { get; init; }

    /// <summary>Bad rollouts not aborted within the bound.</summary>
    public int Missed { get; init; }

    /// <summary>Healthy rollouts aborted.</summary>
    public int FalseAborts { get; init; }

    /// <summary>Bad rollouts whose first poll came only after the fault (the round could not show a fault after a poll).</summary>
    public int FirstPollAfterFault { get; init; }

    /// <summary>Per healthy watch, the interval the planner advised last (next poll time minus last decision time).</summary>
    public required IReadOnlyList<TimeSpan> AdvisedIntervals { get; init; }

    /// <summary>Gaps between the bad watches' consecutive polls before their abort (each poll's first read).</summary>
    public required IReadOnlyList<TimeSpan> BadPollGaps { get; init; }

    /// <summary>Every call the simulator answered in the round.</summary>
    public int Calls { get; init; }

    /// <summary>From the round's first call to its last.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Calls answered <c>Throttling.User</c> in the round.</summary>
    public int Throttled { get; init; }

    /// <summary>Most calls answered within any 60 real seconds of the round (the scaled budget's window).</summary>
    public int PeakMinuteCalls { get; init; }

    /// <summary>Most calls answered within any 6 real seconds of the round (one production minute).</summary>
    public int PeakProductionMinuteCalls { get; init; }

    /// <summary>How long the healthy watches took to reach steady state.</summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>Work items the embedded engine's in-memory Durable backend runs at once, per dispatcher (activities).</summary>
    public int EngineSlots { get; init; }

    /// <summary>This result with the round's traffic read from the simulator's request log.</summary>
    public RoundResult WithTraffic(IReadOnlyList<RequestLogEntry> calls) => this with
    {
        Calls = calls.Count,
        Duration = calls.Count > 1 ? calls.Max(c => c.At) - calls.Min(c => c.At) : TimeSpan.Zero,
        Throttled = calls.Count(c => c.Code == SaeErrorCodes.ThrottlingUser),
        PeakMinuteCalls = CallLogStats.PeakInWindow(calls, TimeSpan.FromMinutes(1)),
        PeakProductionMinuteCalls = CallLogStats.PeakInWindow(calls, TimeSpan.FromMinutes(1) / BudgetScale.TimeScale),
    };
}

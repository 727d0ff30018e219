using ChangeGuard.Core.Health;
using ChangeGuard.Core.Policy;
using ChangeGuard.Core.Signals;

namespace ChangeGuard.Core.Orchestration;

/// <summary>
/// Counts one poll's signal readings, each signal with its own limits (defaulting to the policy's), with the rules
/// of the instance signal: breaches count toward <c>failureLimit</c>, errors toward <c>consecutiveErrorLimit</c> and
/// never as breaches, no data neither passes nor fails. Pure, like <see cref="WatchDecider"/>.
/// </summary>
public static class SignalDecider
{
    /// <summary>The new counters, the step if a signal ends the watch, and what the poll says about the signals.</summary>
    public static SignalJudgement Apply(IReadOnlyList<SignalCount> counts, IReadOnlyList<SignalReading> readings, WatchPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(policy);
        var next = new List<SignalCount>(readings.Count);
        var actions = new List<string>();
        var summary = new List<string>();
        NextStep? breachStep = null;
        NextStep? errorStep = null;
        VerdictKind? worst = null;

        foreach (var reading in readings)
        {
            var definition = policy.Signals.FirstOrDefault(s => s.Name == reading.Name);
            var failureLimit = definition?.FailureLimit ?? policy.FailureLimit;
            var errorLimit = definition?.ConsecutiveErrorLimit ?? policy.ConsecutiveErrorLimit;
            var count = counts.FirstOrDefault(c => c.Name == reading.Name) ?? new SignalCount(reading.Name, 0, 0);
            var evidence = reading.Evidence is { } e ? new[] { e } : [];
            switch (reading.Outcome)
            {
                case SignalOutcome.Breach:
                    count = count with { ConsecutiveBreaches = count.ConsecutiveBreaches + 1, ConsecutiveErrors = 0 };
                    summary.Add($"signal {reading.Name} breach: {reading.Detail}");
                    worst = VerdictKind.Breach;
                    if (count.ConsecutiveBreaches >= failureLimit)
                    {
                        breachStep ??= new NextStep(NextStepKind.Abort, $"signal {reading.Name}: {reading.Detail}", evidence);
                        actions.Add($"abort (signal {reading.Name} breach {count.ConsecutiveBreaches} of {failureLimit})");
                    }
                    else
                    {
                        actions.Add($"signal {reading.Name} breach {count.ConsecutiveBreaches} of {failureLimit}");
                    }

                    break;

                case SignalOutcome.Error:
                    count = count with { ConsecutiveErrors = count.ConsecutiveErrors + 1 };
                    summary.Add($"signal {reading.Name} error: {reading.Detail}");
                    worst = worst == VerdictKind.Breach ? worst : VerdictKind.ReadFailed;
                    if (count.ConsecutiveErrors >= errorLimit)
                    {
                        var reason = $"signal {reading.Name} could not be read {count.ConsecutiveErrors} times in a row ({reading.Detail})";
                        errorStep ??= policy.OnErrorLimit == OnErrorLimit.Abort
                            ? new NextStep(NextStepKind.Abort, reason, evidence)
                            : new NextStep(NextStepKind.Finish, reason + "; stopped watching", evidence, WatchOutcome.Stopped);
                        actions.Add(policy.OnErrorLimit == OnErrorLimit.Abort ? $"abort (signal {reading.Name} error limit)" : $"stop watching (signal {reading.Name} error limit)");
                    }
                    else
                    {
                        actions.Add($"signal {reading.Name} error {count.ConsecutiveErrors} of {errorLimit}");
                    }

                    break;

                case SignalOutcome.NoData:
                    count = count with { ConsecutiveErrors = 0 };
                    summary.Add($"signal {reading.Name} no data: {reading.Detail}");
                    worst ??= VerdictKind.NoData;
                    break;

                default:
                    count = count with { ConsecutiveBreaches = 0, ConsecutiveErrors = 0 };
                    summary.Add($"signal {reading.Name} ok: {reading.Detail}");
                    break;
            }

            next.Add(count);
        }

        return new SignalJudgement(next, breachStep ?? errorStep, actions, worst, string.Join("; ", summary));
    }
}

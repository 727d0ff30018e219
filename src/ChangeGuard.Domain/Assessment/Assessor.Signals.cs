using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>The policy's signals: each judged by <see cref="SignalRules"/> and counted with its own limits.</summary>
public static partial class Assessor
{
    /// <summary>
    /// Judges and counts every signal of the policy, each with its own limits (defaulting to the policy's). When several
    /// end the watch, a breach at its limit wins (abort), then a permanent error (stop, unwatchable), then an error limit.
    /// </summary>
    private static SignalStage JudgeSignals(WatchPolicy policy, IReadOnlyList<SignalCount> counts, IReadOnlyList<SignalMeasurement> measurements)
    {
        var verdicts = new List<SignalVerdict>(policy.Signals.Count);
        var next = new List<SignalCount>(policy.Signals.Count);
        var actions = new List<string>();
        var summary = new List<string>();
        WatchStep? breachStep = null;
        WatchStep? permanentStep = null;
        WatchStep? errorStep = null;
        VerdictKind? worst = null;

        foreach (var definition in policy.Signals)
        {
            var measurement = measurements.FirstOrDefault(m => m.Name == definition.Name)
                ?? SignalMeasurement.Failed(definition.Name, MeasurementError.Transient("the signal was not measured"));
            var verdict = SignalRules.Judge(definition, measurement);
            verdicts.Add(verdict);
            var failureLimit = definition.FailureLimit ?? policy.FailureLimit;
            var errorLimit = definition.ConsecutiveErrorLimit ?? policy.ConsecutiveErrorLimit;
            var count = counts.FirstOrDefault(c => c.Name == definition.Name) ?? new SignalCount(definition.Name, 0, 0);
            IReadOnlyList<Evidence> evidence = verdict.Evidence is { } e ? [e] : [];
            switch (verdict.Outcome)
            {
                case SignalOutcome.Breach:
                    count = count with { ConsecutiveBreaches = count.ConsecutiveBreaches + 1, ConsecutiveErrors = 0 };
                    summary.Add($"signal {verdict.Name} breach: {verdict.Detail}");
                    worst = VerdictKind.Breach;
                    if (count.ConsecutiveBreaches >= failureLimit)
                    {
                        breachStep ??= new WatchStep(WatchAction.Abort, $"signal {verdict.Name}: {verdict.Detail}", evidence);
                        actions.Add($"abort (signal {verdict.Name} breach {count.ConsecutiveBreaches} of {failureLimit})");
                    }
                    else
                    {
                        actions.Add($"signal {verdict.Name} breach {count.ConsecutiveBreaches} of {failureLimit}");
                    }

                    break;

                case SignalOutcome.Error when verdict.ErrorClass == ErrorClass.Permanent:
                    summary.Add($"signal {verdict.Name} error: {verdict.Detail}");
                    worst = worst == VerdictKind.Breach ? worst : VerdictKind.ReadFailed;
                    permanentStep ??= new WatchStep(WatchAction.Stop,
                        $"signal {verdict.Name} cannot be read ({verdict.Detail}); the change order was left alone", evidence, WatchOutcome.Unwatchable);
                    actions.Add($"stop watching (signal {verdict.Name} permanent error)");
                    break;

                case SignalOutcome.Error:
                    count = count with { ConsecutiveErrors = count.ConsecutiveErrors + 1 };
                    summary.Add($"signal {verdict.Name} error: {verdict.Detail}");
                    worst = worst == VerdictKind.Breach ? worst : VerdictKind.ReadFailed;
                    if (count.ConsecutiveErrors >= errorLimit)
                    {
                        var reason = $"signal {verdict.Name} could not be read {count.ConsecutiveErrors} times in a row ({verdict.Detail})";
                        errorStep ??= policy.OnErrorLimit == OnErrorLimit.Abort
                            ? new WatchStep(WatchAction.Abort, reason, evidence)
                            : new WatchStep(WatchAction.Stop, reason + "; stopped watching", evidence, WatchOutcome.Stopped);
                        actions.Add(policy.OnErrorLimit == OnErrorLimit.Abort ? $"abort (signal {verdict.Name} error limit)" : $"stop watching (signal {verdict.Name} error limit)");
                    }
                    else
                    {
                        actions.Add($"signal {verdict.Name} error {count.ConsecutiveErrors} of {errorLimit}");
                    }

                    break;

                case SignalOutcome.NoData:
                    count = count with { ConsecutiveErrors = 0 };
                    summary.Add($"signal {verdict.Name} no data: {verdict.Detail}");
                    worst ??= VerdictKind.NoData;
                    break;

                default:
                    count = count with { ConsecutiveBreaches = 0, ConsecutiveErrors = 0 };
                    summary.Add($"signal {verdict.Name} ok: {verdict.Detail}");
                    break;
            }

            next.Add(count);
        }

        return new SignalStage(verdicts, next, breachStep ?? permanentStep ?? errorStep, actions, worst, string.Join("; ", summary));
    }

    /// <summary>What one poll's signals add up to.</summary>
    private sealed record SignalStage(
        IReadOnlyList<SignalVerdict> Verdicts,
        IReadOnlyList<SignalCount> Counts,
        WatchStep? Step,
        IReadOnlyList<string> Actions,
        VerdictKind? Worst,
        string Summary);
}

using System.Globalization;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Assessment;

/// <summary>
/// The assessor's rules for SAE's instance signal: snapshot + policy + restart baseline → verdict. Order of rules:
/// terminal statuses, critical signals (failed batch, SubStatus 1, crash loops), thresholds (restarts, unavailable
/// ratio), then waiting, no data, healthy. The unavailable ratio is judged per batch (each started batch's new
/// instances) and over the running total, and the worst of them is the evidence: a later batch failing cannot hide
/// behind the healthy instances of the batches before it.
/// </summary>
public static class InstanceRules
{
    /// <summary>The verdict for one snapshot.</summary>
    public static Verdict Judge(HealthSnapshot snapshot, WatchPolicy policy, RestartBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(baseline);
        var order = snapshot.Order;

        switch (order.Status)
        {
            case ChangeOrderStatus.Succeeded:
                return Verdict.Of(VerdictKind.Succeeded, "the change order succeeded");
            case ChangeOrderStatus.Failed:
            case ChangeOrderStatus.SystemFailed:
                return Verdict.Of(VerdictKind.EndedOtherwise, $"the change order failed (status {(int)order.Status}){Because(snapshot.FailureReason)}");
            case ChangeOrderStatus.Aborted:
                return Verdict.Of(VerdictKind.EndedOtherwise, "the change order was terminated by someone else (status 6)");
        }

        if (order.SubStatus == ChangeOrderSubStatus.Abnormal || order.FailedBatch is not null)
        {
            var batch = order.FailedBatch is { } failed ? $"batch {failed} of {order.BatchCount} failed" : "a batch failed";
            var evidence = new Evidence("batchFailed", batch + (order.SubStatus == ChangeOrderSubStatus.Abnormal ? ", SubStatus 1" : string.Empty), "no failed batch", []);
            return new Verdict(VerdictKind.Breach, $"{batch}{Because(snapshot.FailureReason)}; SAE waits for a rollback", true, [evidence]);
        }

        var instances = snapshot.Instances;
        var crashing = instances.Where(i => i.Condition == InstanceCondition.CrashLooping).ToList();
        if (crashing.Count > 0)
        {
            var evidence = new Evidence("crashLooping", $"{crashing.Count} of {instances.Count} new instances{InBatches(crashing, order)}", "0",
                crashing.Select(Describe).Take(10).ToArray());
            return new Verdict(VerdictKind.Breach, $"{crashing.Count} new instance(s) crash-looping: {crashing[0].Detail}", true, [evidence]);
        }

        var breaches = new List<Evidence>();
        var restarting = instances.Where(i => baseline.Since(i) > policy.MaxRestarts).ToList();
        if (restarting.Count > 0)
        {
            var worst = restarting.Max(baseline.Since);
            breaches.Add(new Evidence("restarts", $"{worst} since the watch started{InBatches(restarting, order)}", $"at most {policy.MaxRestarts}",
                restarting.Select(i => $"{i.InstanceId} ({baseline.Since(i)} restarts)").Take(10).ToArray()));
        }

        var judged = instances.Where(i => i.Condition != InstanceCondition.Starting).ToList();
        if (WorstUnavailable(judged, order) is { } worstGroup && worstGroup.Ratio > policy.MaxUnavailableRatio)
        {
            breaches.Add(new Evidence("unavailableRatio",
                $"{Ratio(worstGroup.Ratio)} ({worstGroup.Unavailable.Count} of {worstGroup.Judged} new instances {worstGroup.Scope})",
                $"at most {Ratio(policy.MaxUnavailableRatio)}",
                worstGroup.Unavailable.Select(Describe).Take(10).ToArray()));
        }

        if (breaches.Count > 0)
        {
            return new Verdict(VerdictKind.Breach, string.Join("; ", breaches.Select(b => b.ToString())), false, breaches);
        }

        if (order.Status is ChangeOrderStatus.WaitingForApproval or ChangeOrderStatus.WaitingForBatchConfirmation)
        {
            var what = order.Status == ChangeOrderStatus.WaitingForApproval ? "approval" : $"confirmation of batch {order.CurrentBatch}";
            return Verdict.Of(VerdictKind.WaitingForHuman, $"the change order waits for {what}");
        }

        if (!order.AnyBatchStarted)
        {
            return Verdict.Of(VerdictKind.Healthy, $"the change order is {Describe(order.Status)}; no batch has started");
        }

        if (!snapshot.InstancesRead)
        {
            return Verdict.Of(VerdictKind.Healthy, $"the change order is {Describe(order.Status)}; instances were not read this poll");
        }

        if (judged.Count == 0)
        {
            var starting = instances.Count - judged.Count;
            return Verdict.Of(VerdictKind.NoData, starting > 0
                ? $"{starting} new instance(s) still starting; nothing to judge yet"
                : $"batch {order.CurrentBatch} of {order.BatchCount} runs but no new instance has appeared");
        }

        var unavailable = judged.Count(i => i.Condition == InstanceCondition.Unavailable);
        return Verdict.Of(VerdictKind.Healthy,
            $"batch {order.CurrentBatch} of {order.BatchCount}: {judged.Count - unavailable} of {judged.Count} new instances healthy");
    }

    /// <summary>
    /// The two values the rules judge, for charts: the worst unavailable ratio (null when no instance can be judged) and
    /// the most restarts any new instance made since the watch started (null when instances were not read).
    /// </summary>
    public static (double? UnavailableRatio, double? Restarts) Measure(HealthSnapshot snapshot, RestartBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!snapshot.InstancesRead)
        {
            return (null, null);
        }

        var judged = snapshot.Instances.Where(i => i.Condition != InstanceCondition.Starting).ToList();
        var restarts = snapshot.Instances.Count == 0 ? 0 : snapshot.Instances.Max(baseline.Since);
        return (WorstUnavailable(judged, snapshot.Order)?.Ratio, restarts);
    }

    /// <summary>
    /// The group of judged instances with the highest unavailable share: each batch's own, then the running total.
    /// On a tie the batch wins, so the evidence names where the failure is.
    /// </summary>
    private static UnavailableGroup? WorstUnavailable(IReadOnlyList<InstanceHealth> judged, ChangeOrderProgress order)
    {
        if (judged.Count == 0)
        {
            return null;
        }

        var groups = judged
            .Where(i => i.Batch is not null)
            .GroupBy(i => i.Batch!.Value)
            .OrderByDescending(g => g.Key)
            .Select(g => Group(g.ToList(), $"in batch {g.Key} of {order.BatchCount}"))
            .ToList();
        if (groups.Count != 1 || groups[0].Judged != judged.Count)
        {
            groups.Add(Group(judged, groups.Count == 0 ? "of the change" : "of the change so far"));
        }

        return groups.MaxBy(g => g.Ratio);
    }

    private static UnavailableGroup Group(IReadOnlyList<InstanceHealth> instances, string scope)
    {
        var unavailable = instances.Where(i => i.Condition == InstanceCondition.Unavailable).ToList();
        return new UnavailableGroup((double)unavailable.Count / instances.Count, unavailable, instances.Count, scope);
    }

    private static string InBatches(IEnumerable<InstanceHealth> instances, ChangeOrderProgress order)
    {
        var batches = instances.Select(i => i.Batch).OfType<int>().Distinct().Order().ToList();
        return batches.Count switch
        {
            0 => string.Empty,
            1 => $" in batch {batches[0]} of {order.BatchCount}",
            _ => $" in batches {string.Join(", ", batches)} of {order.BatchCount}",
        };
    }

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason}";

    private static string Describe(InstanceHealth instance) =>
        instance.Detail is null ? instance.InstanceId : $"{instance.InstanceId} ({instance.Detail})";

    private static string Describe(ChangeOrderStatus status) => status switch
    {
        ChangeOrderStatus.Preparing => "preparing",
        ChangeOrderStatus.Approved => "approved and waiting to run",
        ChangeOrderStatus.WaitingForNextBatch => "waiting for its next batch",
        _ => "running",
    };

    private sealed record UnavailableGroup(double Ratio, IReadOnlyList<InstanceHealth> Unavailable, int Judged, string Scope);
}

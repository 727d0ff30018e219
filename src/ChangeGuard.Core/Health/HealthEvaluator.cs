using System.Globalization;
using ChangeGuard.Core.Policy;
using ChangeGuard.Sae.Models.ChangeOrders;

namespace ChangeGuard.Core.Health;

/// <summary>
/// Judges one poll: snapshot + policy + restart baseline → verdict. Pure, so every rule is a table test.
/// Order of rules: terminal statuses, critical signals (failed batch, SubStatus 1, crash loops), thresholds
/// (restarts, unavailable ratio), then waiting, no data, healthy.
/// </summary>
public static class HealthEvaluator
{
    /// <summary>The verdict for one snapshot.</summary>
    public static Verdict Evaluate(HealthSnapshot snapshot, WatchPolicy policy, RestartBaseline baseline)
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
            var evidence = new Evidence("crashLooping", $"{crashing.Count} of {instances.Count} new instances", "0",
                crashing.Select(Describe).Take(10).ToArray());
            return new Verdict(VerdictKind.Breach, $"{crashing.Count} new instance(s) crash-looping: {crashing[0].Detail}", true, [evidence]);
        }

        var breaches = new List<Evidence>();
        var restarting = instances.Where(i => baseline.Since(i) > policy.MaxRestarts).ToList();
        if (restarting.Count > 0)
        {
            var worst = restarting.Max(baseline.Since);
            breaches.Add(new Evidence("restarts", $"{worst} since the watch started", $"at most {policy.MaxRestarts}",
                restarting.Select(i => $"{i.InstanceId} ({baseline.Since(i)} restarts)").Take(10).ToArray()));
        }

        var judged = instances.Where(i => i.Condition != InstanceCondition.Starting).ToList();
        var unavailable = judged.Where(i => i.Condition == InstanceCondition.Unavailable).ToList();
        if (judged.Count > 0)
        {
            var ratio = (double)unavailable.Count / judged.Count;
            if (ratio > policy.MaxUnavailableRatio)
            {
                breaches.Add(new Evidence("unavailableRatio",
                    $"{ratio.ToString("0.00", CultureInfo.InvariantCulture)} ({unavailable.Count} of {judged.Count} new instances)",
                    $"at most {policy.MaxUnavailableRatio.ToString("0.00", CultureInfo.InvariantCulture)}",
                    unavailable.Select(Describe).Take(10).ToArray()));
            }
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

        return Verdict.Of(VerdictKind.Healthy,
            $"batch {order.CurrentBatch} of {order.BatchCount}: {judged.Count - unavailable.Count} of {judged.Count} new instances healthy");
    }

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
}

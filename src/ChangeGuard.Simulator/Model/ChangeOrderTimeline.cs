using ChangeGuard.Domain;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Model;

/// <summary>
/// Computes a change order's state at a scenario second from its definition and the events that reached it
/// (confirmations by the batch they started, an abort, a forced finish). Pure: the same inputs give the same state.
/// </summary>
internal static class ChangeOrderTimeline
{
    /// <summary>The order's state at <paramref name="t"/> scenario seconds after it was created.</summary>
    public static OrderSnapshot At(
        ChangeOrderDefinition order,
        IReadOnlyList<BatchPlan> plans,
        double t,
        IReadOnlyDictionary<int, double> confirmations,
        double? abortedAt,
        double? finishedAt)
    {
        if (finishedAt is { } finish && finish <= t)
        {
            var atFinish = Walk(order, plans, finish, confirmations);
            var batches = atFinish.Batches
                .Select(b => new BatchSnapshot(ChangeOrderStatus.Succeeded, b.StartedAt ?? finish, finish))
                .ToArray();
            return new OrderSnapshot(ChangeOrderStatus.Succeeded, ChangeOrderSubStatus.Normal, plans.Count - 1, batches, null);
        }

        if (abortedAt is { } abort && abort <= t)
        {
            var atAbort = Walk(order, plans, abort, confirmations);
            var batches = atAbort.Batches
                .Select(b => b.Status.IsTerminal() || b.StartedAt is null && b.Status == ChangeOrderStatus.Preparing
                    ? b
                    : new BatchSnapshot(ChangeOrderStatus.Aborted, b.StartedAt, abort))
                .ToArray();
            return atAbort with { Status = ChangeOrderStatus.Aborted, Batches = batches };
        }

        return Walk(order, plans, t, confirmations);
    }

    private static OrderSnapshot Walk(ChangeOrderDefinition order, IReadOnlyList<BatchPlan> plans, double t, IReadOnlyDictionary<int, double> confirmations)
    {
        var batches = plans.Select(_ => new BatchSnapshot(ChangeOrderStatus.Preparing, null, null)).ToArray();
        var cursor = order.ApprovalSeconds;
        if (t < cursor)
        {
            return new OrderSnapshot(ChangeOrderStatus.WaitingForApproval, ChangeOrderSubStatus.Normal, 0, batches, null);
        }

        for (var i = 0; i < plans.Count; i++)
        {
            if (i > 0)
            {
                if (order.BatchType == BatchMode.Manual)
                {
                    var confirmAt = ConfirmationTime(order, confirmations, i, cursor);
                    if (t < confirmAt)
                    {
                        return new OrderSnapshot(ChangeOrderStatus.WaitingForBatchConfirmation, ChangeOrderSubStatus.Normal, i, batches, null);
                    }

                    cursor = confirmAt;
                }
                else if (order.BatchWaitSeconds > 0)
                {
                    if (t < cursor + order.BatchWaitSeconds)
                    {
                        return new OrderSnapshot(ChangeOrderStatus.WaitingForNextBatch, ChangeOrderSubStatus.Normal, i, batches, null);
                    }

                    cursor += order.BatchWaitSeconds;
                }
            }

            var batch = plans[i].Definition;
            var isLast = i == plans.Count - 1;
            var end = cursor + batch.DurationSeconds;
            double? failAt = batch.FailAtSecond is { } f ? cursor + f : isLast && order.IfNotAborted == OrderEnding.Fail ? end : null;
            if (failAt is { } failed && t >= failed)
            {
                batches[i] = new BatchSnapshot(ChangeOrderStatus.Failed, cursor, failed);
                var message = $"{batch.FailureCode}: {batch.FailureMessage}";
                return order.OnBatchFailure == FailureMode.SubStatus
                    ? new OrderSnapshot(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Abnormal, i, batches, message)
                    : new OrderSnapshot(ChangeOrderStatus.Failed, ChangeOrderSubStatus.Normal, i, batches, message);
            }

            if (t < end || (isLast && order.IfNotAborted == OrderEnding.Stuck))
            {
                batches[i] = new BatchSnapshot(ChangeOrderStatus.Executing, cursor, cursor);
                return new OrderSnapshot(ChangeOrderStatus.Executing, ChangeOrderSubStatus.Normal, i, batches, null);
            }

            batches[i] = new BatchSnapshot(ChangeOrderStatus.Succeeded, cursor, end);
            cursor = end;
        }

        return new OrderSnapshot(ChangeOrderStatus.Succeeded, ChangeOrderSubStatus.Normal, plans.Count - 1, batches, null);
    }

    private static double ConfirmationTime(ChangeOrderDefinition order, IReadOnlyDictionary<int, double> confirmations, int index, double readyAt)
    {
        if (confirmations.TryGetValue(index, out var confirmedAt))
        {
            return Math.Max(readyAt, confirmedAt);
        }

        return order.ConfirmAfterSeconds is { } after ? readyAt + after : double.PositiveInfinity;
    }
}

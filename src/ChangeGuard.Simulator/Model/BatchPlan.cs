using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Model;

/// <summary>One batch laid out over the app's instance slots: which slots it replaces and its pipeline id.</summary>
internal sealed record BatchPlan(int Index, string PipelineId, BatchDefinition Definition, int FirstSlot, int SlotCount)
{
    /// <summary>Spreads the app's replicas over the batches (explicit counts first, the rest evenly).</summary>
    public static IReadOnlyList<BatchPlan> Layout(string changeOrderId, IReadOnlyList<BatchDefinition> batches, int replicas)
    {
        if (batches.Count == 0)
        {
            batches = [new BatchDefinition()];
        }

        var explicitTotal = batches.Sum(b => b.Instances);
        var implicitCount = batches.Count(b => b.Instances == 0);
        var remaining = Math.Max(0, replicas - explicitTotal);
        var plans = new List<BatchPlan>(batches.Count);
        var slot = 0;
        var implicitSeen = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var count = batches[i].Instances;
            if (count == 0 && implicitCount > 0)
            {
                var share = remaining / implicitCount + (implicitSeen < remaining % implicitCount ? 1 : 0);
                count = share;
                implicitSeen++;
            }

            plans.Add(new BatchPlan(i, $"{changeOrderId}-batch-{i + 1}", batches[i], slot, count));
            slot += count;
        }

        return plans;
    }
}

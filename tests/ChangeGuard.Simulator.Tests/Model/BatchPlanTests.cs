using ChangeGuard.Simulator.Model;
using ChangeGuard.Testing.Builders;

namespace ChangeGuard.Simulator.Tests.Model;

public sealed class BatchPlanTests
{
    [Fact]
    public void Layout_NoCounts_SpreadsReplicasEvenly()
    {
        // Act
        var plans = BatchPlan.Layout("co", [ChangeOrders.Batch(), ChangeOrders.Batch(), ChangeOrders.Batch()], 5);

        // Assert
        Assert.Equal([2, 2, 1], plans.Select(p => p.SlotCount));
        Assert.Equal([0, 2, 4], plans.Select(p => p.FirstSlot));
    }

    [Fact]
    public void Layout_ExplicitCounts_AreKept()
    {
        // Act
        var plans = BatchPlan.Layout("co", [ChangeOrders.Batch(1), ChangeOrders.Batch(3)], 4);

        // Assert
        Assert.Equal([1, 3], plans.Select(p => p.SlotCount));
    }

    [Fact]
    public void Layout_NoBatches_MakesOneOverEveryInstance()
    {
        // Act
        var plan = Assert.Single(BatchPlan.Layout("co", [], 3));

        // Assert
        Assert.Equal(3, plan.SlotCount);
        Assert.Equal("co-batch-1", plan.PipelineId);
    }
}

using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Tests.Health;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>When a poll reads the change order itself, and what the watch remembers of the order it read.</summary>
public sealed class AssessorOrderReadTests
{
    private static readonly ChangeOrderProgress Running = new SnapshotBuilder().WithInstances(2, InstanceCondition.Healthy, batch: 1).BuildProgress();

    private static WatchState Known(int pollsSinceOrderRead = 0) =>
        WatchState.Initial with { Order = Running, PollsSinceOrderRead = pollsSinceOrderRead, CountsAtOrderRead = new InstanceCounts(2, 2) };

    public static TheoryData<string, WatchState, bool> Plans() => new()
    {
        { "no order known", WatchState.Initial, true },
        { "known order runs a batch", Known(), false },
        { "a breach is counted", Known() with { ConsecutiveBreaches = 1 }, true },
        { "a read error is counted", Known() with { ConsecutiveErrors = 1 }, true },
        { "a signal breach is counted", Known() with { Signals = [new SignalCount("error-rate", 1, 0)] }, true },
        { "the periodic read is due", Known(Assessor.OrderReadEvery - 1), true },
        { "one poll before the periodic read", Known(Assessor.OrderReadEvery - 2), false },
        { "known order waits for approval", Known() with { Order = Running with { Status = ChangeOrderStatus.WaitingForApproval } }, true },
        { "known order has no batch started", Known() with { Order = Running with { AnyBatchStarted = false } }, true },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Plan_State_ReadsTheOrderOnlyWhenInstancesCannotTell(string why, WatchState state, bool readOrder)
    {
        // Act
        var plan = Assessor.Plan(Polls.Watch(), state, Polls.Now);

        // Assert
        Assert.True(readOrder == plan.ReadOrder, why);
    }

    [Fact]
    public void Plan_TimeoutAfterInstancesAlone_ReadsTheOrderBeforeAborting()
    {
        // Arrange
        var watch = Polls.Watch();

        // Act
        var plan = Assessor.Plan(watch, Known(3), watch.Deadline);

        // Assert
        Assert.Equal((false, true), (plan.TimedOut, plan.ReadOrder));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 1)]
    public void Plan_TimeoutAfterAnOrderReadOrAnError_Aborts(int pollsSinceOrderRead, int errors)
    {
        // Arrange
        var watch = Polls.Watch();

        // Act
        var plan = Assessor.Plan(watch, Known(pollsSinceOrderRead) with { ConsecutiveErrors = errors }, watch.Deadline);

        // Assert
        Assert.True(plan.TimedOut);
    }

    [Fact]
    public void Assess_OrderRead_RemembersTheOrderAndTheInstancesShape()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(2, InstanceCondition.Healthy, batch: 1).Build() with { OtherInstances = 2 };

        // Act
        var state = Assessor.Assess(Polls.Watch(), Known(5), new PollMeasurements(new SaeMeasurement(snapshot, null, "group-1", 2)), Polls.Now).State;

        // Assert
        Assert.Equal((snapshot.Order, 0, new InstanceCounts(2, 2)), (state.Order, state.PollsSinceOrderRead, state.CountsAtOrderRead));
    }

    [Fact]
    public void Assess_InstancesAlone_CountsThePollSinceTheOrderRead()
    {
        // Arrange
        var snapshot = new SnapshotBuilder().WithInstances(2, InstanceCondition.Healthy, batch: 1).Build() with { OrderRead = false };

        // Act
        var state = Assessor.Assess(Polls.Watch(), Known(3), new PollMeasurements(new SaeMeasurement(snapshot, null, "group-1", 1)), Polls.Now).State;

        // Assert
        Assert.Equal((4, new InstanceCounts(2, 2)), (state.PollsSinceOrderRead, state.CountsAtOrderRead));
    }
}

using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Health;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Domain.Tests.Health;

namespace ChangeGuard.Domain.Tests.Assessment;

/// <summary>What one SAE poll can show, as table rows name it.</summary>
public enum Poll
{
    Healthy,
    Breach,
    Critical,
    NoData,
    Waiting,
    Succeeded,
    Failed,
    Terminated,
    TransientError,
    PermanentError,
    OtherApp,
}

/// <summary>Builds the assessor's inputs for table tests: a watch, a state and a poll's measurements.</summary>
internal static class Polls
{
    public static readonly DateTimeOffset Now = SnapshotBuilder.WatchStartedAt.AddMinutes(5);

    public static readonly WatchTarget Target = new("cn-hangzhou", "app-1", "co-1");

    public static WatchContext Watch(WatchPolicy? policy = null, DateTimeOffset? startedAt = null) =>
        new(Target, policy ?? WatchPolicy.Default, startedAt ?? SnapshotBuilder.WatchStartedAt);

    /// <summary>SAE's measurement of one kind of poll.</summary>
    public static SaeMeasurement Sae(Poll poll) => poll switch
    {
        Poll.Healthy => Of(new SnapshotBuilder().WithInstances(4, InstanceCondition.Healthy, batch: 1)),
        Poll.Breach => Of(new SnapshotBuilder().WithInstances(2, InstanceCondition.Healthy, batch: 1).WithInstances(2, InstanceCondition.Unavailable, batch: 1)),
        Poll.Critical => Of(new SnapshotBuilder().WithInstances(1, InstanceCondition.CrashLooping, batch: 1)),
        Poll.NoData => Of(new SnapshotBuilder().WithInstances(2, InstanceCondition.Starting, batch: 1)),
        Poll.Waiting => Of(new SnapshotBuilder().WithStatus(ChangeOrderStatus.WaitingForApproval).BeforeAnyBatch()),
        Poll.Succeeded => Of(new SnapshotBuilder().WithStatus(ChangeOrderStatus.Succeeded)),
        Poll.Failed => Of(new SnapshotBuilder().WithStatus(ChangeOrderStatus.Failed)),
        Poll.Terminated => Of(new SnapshotBuilder().WithStatus(ChangeOrderStatus.Aborted)),
        Poll.TransientError => new SaeMeasurement(null, MeasurementError.Transient("Throttling.User: Request was denied due to user flow control."), null, 1),
        Poll.PermanentError => new SaeMeasurement(null, MeasurementError.Permanent("InvalidChangeOrder.NotFound: The change order 'co-1' does not exist."), null, 1),
        Poll.OtherApp => Of(new SnapshotBuilder().OfApp("app-2").WithInstances(4, InstanceCondition.Healthy, batch: 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(poll)),
    };

    public static SaeMeasurement Of(SnapshotBuilder snapshot) => new(snapshot.OfAppIfUnset("app-1").Build(), null, "group-1", 2);

    public static PollMeasurements Only(Poll poll) => new(Sae(poll));

    /// <summary>The state after the given polls, each assessed in turn one poll interval apart.</summary>
    public static WatchState After(WatchContext watch, params Poll[] polls)
    {
        var state = WatchState.Initial;
        for (var i = 0; i < polls.Length; i++)
        {
            state = Assessor.Assess(watch, state, Only(polls[i]), Now.AddSeconds(i * 15)).State;
        }

        return state;
    }
}

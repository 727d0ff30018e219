using ChangeGuard.Domain;
using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Model;

/// <summary>
/// A change order in the simulated world: its definition, the real time it started, and the events that reached
/// it. Its state at any moment comes from <see cref="ChangeOrderTimeline"/>.
/// </summary>
internal sealed class SimulatedChangeOrder
{
    private readonly Dictionary<int, double> _confirmations = [];
    private readonly List<BatchConfirmation> _confirmedBy = [];

    public SimulatedChangeOrder(string changeOrderId, SimulatedApp app, ChangeOrderDefinition definition, DateTimeOffset createdAt, double timeScale)
    {
        ChangeOrderId = changeOrderId;
        App = app;
        Definition = definition;
        CreatedAt = createdAt;
        TimeScale = timeScale;
        Plans = BatchPlan.Layout(changeOrderId, definition.Batches, app.Definition.Replicas);
    }

    public string ChangeOrderId { get; }

    public SimulatedApp App { get; }

    public ChangeOrderDefinition Definition { get; }

    public DateTimeOffset CreatedAt { get; }

    public double TimeScale { get; }

    public IReadOnlyList<BatchPlan> Plans { get; }

    public double? AbortedAt { get; private set; }

    public bool RolledBack { get; private set; }

    public double? FinishedAt { get; private set; }

    public int AbortAttempts { get; set; }

    /// <summary>Aborts answered <c>Application.ChangerOrderRunning</c> by the <c>abortBusyCount</c> fault.</summary>
    public int BusyAnswers { get; set; }

    /// <summary>Accepted aborts answered by the <c>abortAnswer</c> fault instead.</summary>
    public int FaultAnswers { get; set; }

    /// <summary>Scenario seconds since the order was created.</summary>
    public double ScenarioSeconds(DateTimeOffset now) => Math.Max(0, (now - CreatedAt).TotalSeconds * TimeScale);

    /// <summary>The real time of a scenario second.</summary>
    public DateTimeOffset RealTime(double scenarioSeconds) => CreatedAt + TimeSpan.FromSeconds(scenarioSeconds / TimeScale);

    public OrderSnapshot Snapshot(DateTimeOffset now) =>
        ChangeOrderTimeline.At(Definition, Plans, ScenarioSeconds(now), _confirmations, AbortedAt, FinishedAt);

    public void Abort(DateTimeOffset now, bool rollback)
    {
        AbortedAt = ScenarioSeconds(now);
        RolledBack = rollback;
    }

    public void FinishNow(DateTimeOffset now) => FinishedAt = ScenarioSeconds(now);

    /// <summary>Every confirm that started a batch, oldest first, with who sent it.</summary>
    public IReadOnlyList<BatchConfirmation> Confirmations => _confirmedBy;

    /// <summary>Starts the batch the order waits for (the caller checked it waits), recording who confirmed it.</summary>
    public void Confirm(DateTimeOffset now, string by)
    {
        var waiting = Snapshot(now).CurrentBatch;
        _confirmations[waiting] = ScenarioSeconds(now);
        _confirmedBy.Add(new BatchConfirmation(waiting + 1, Plans[waiting].PipelineId, ScenarioSeconds(now), by));
    }

    /// <summary>The app's instances while this order is its latest one.</summary>
    public IReadOnlyList<InstanceState> Instances(DateTimeOffset now, string baseVersion)
    {
        var snapshot = Snapshot(now);
        var replicas = App.Definition.Replicas;
        var result = new List<InstanceState>(replicas);
        var frozenAt = Math.Min(ScenarioSeconds(now), FinishedAt ?? AbortedAt ?? double.MaxValue);
        var rolledBack = RolledBack && AbortedAt is not null && snapshot.Status == ChangeOrderStatus.Aborted;

        for (var slot = 0; slot < replicas; slot++)
        {
            var plan = Plans.FirstOrDefault(p => slot >= p.FirstSlot && slot < p.FirstSlot + p.SlotCount);
            var started = plan is not null ? snapshot.Batches[plan.Index].StartedAt : null;
            if (rolledBack || plan is null || started is null)
            {
                result.Add(OldInstance(slot, baseVersion));
                continue;
            }

            var batch = plan.Definition;
            if (!batch.InstancesAppear)
            {
                continue;
            }

            var age = Math.Max(0, frozenAt - started.Value);
            var indexInBatch = slot - plan.FirstSlot;
            var phase = batch.Health.Where(h => h.FromSecond <= age).OrderBy(h => h.FromSecond).LastOrDefault();
            var unhealthy = phase is not null && indexInBatch < phase.Unhealthy;
            var restartMinutes = Math.Max(0, age - batch.RestartsFromSecond) / 60.0;
            result.Add(new InstanceState(
                InstanceId: $"{App.AppId}-{Slug(Definition.Version)}-{slot}",
                Version: Definition.Version,
                ContainerStatus: unhealthy ? phase!.ContainerStatus : "Running",
                HealthStatus: unhealthy ? phase!.HealthStatus : "Healthy",
                UnhealthyMessage: unhealthy ? phase!.Message : null,
                Restarts: (long)Math.Floor(restartMinutes * batch.RestartsPerMinute),
                PipelineId: plan.PipelineId,
                CreatedAt: RealTime(started.Value),
                Slot: slot,
                Metrics: batch.Metrics.Where(m => m.FromSecond <= age).OrderBy(m => m.FromSecond).LastOrDefault()));
        }

        return result;
    }

    /// <summary>The real time the first sign of trouble appears in a batch that has started, if any.</summary>
    public DateTimeOffset? FaultAppearsAt(DateTimeOffset now)
    {
        var snapshot = Snapshot(now);
        double? first = null;
        foreach (var plan in Plans)
        {
            if (snapshot.Batches[plan.Index].StartedAt is not { } start)
            {
                continue;
            }

            var batch = plan.Definition;
            var candidates = new List<double>();
            candidates.AddRange(batch.Health.Where(h => h.Unhealthy > 0).Select(h => start + h.FromSecond));
            if (batch.FailAtSecond is { } f)
            {
                candidates.Add(start + f);
            }

            if (batch.RestartsPerMinute > 0)
            {
                candidates.Add(start + batch.RestartsFromSecond + (60.0 / batch.RestartsPerMinute));
            }

            if (!batch.InstancesAppear)
            {
                candidates.Add(start);
            }

            foreach (var c in candidates.Where(c => c <= ScenarioSeconds(now)))
            {
                first = first is null ? c : Math.Min(first.Value, c);
            }
        }

        return first is { } seconds ? RealTime(seconds) : null;
    }

    private InstanceState OldInstance(int slot, string baseVersion) => new(
        InstanceId: $"{App.AppId}-{Slug(baseVersion)}-{slot}",
        Version: baseVersion,
        ContainerStatus: "Running",
        HealthStatus: "Healthy",
        UnhealthyMessage: null,
        Restarts: App.ExistingRestarts(slot),
        PipelineId: null,
        CreatedAt: App.CreatedAt,
        Slot: slot);

    private static string Slug(string version) => version.Replace('.', '-').Replace('/', '-').Replace(':', '-');
}

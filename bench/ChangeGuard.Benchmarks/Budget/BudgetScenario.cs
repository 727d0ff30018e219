using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Benchmarks.Budget;

/// <summary>
/// The world of one budget round: healthy apps whose long rollouts have been running for 15 production minutes
/// (steady background load, no longer in a batch's first minute), and apps on which bad rollouts start later; a
/// bad rollout's first batch replaces two instances that turn unhealthy some scenario seconds into the batch.
/// </summary>
public static class BudgetScenario
{
    /// <summary>
    /// The earliest scenario second of a bad batch at which its new instances turn unhealthy: late enough that the
    /// watch has polled first even when the engine is busy, early enough to be in the batch's first minute.
    /// </summary>
    public const double FirstFaultSecond = 40;

    /// <summary>
    /// When the <paramref name="sample"/>-th of <paramref name="samples"/> bad rollouts goes bad: spread evenly over
    /// one requested poll interval after <see cref="FirstFaultSecond"/>, so the faults meet every phase of the polls.
    /// </summary>
    public static double FaultSecond(int sample, int samples) =>
        FirstFaultSecond + (BudgetScale.PollInterval.TotalSeconds * BudgetScale.TimeScale * sample / Math.Max(1, samples));

    /// <summary>How long the healthy rollouts have been running when the round starts, in scenario seconds.</summary>
    public const double BackgroundAgeSeconds = 900;

    /// <summary>Length of each healthy batch, in scenario seconds: far longer than a round.</summary>
    public const double BackgroundBatchSeconds = 6000;

    /// <summary>The app of the i-th healthy rollout.</summary>
    public static string HealthyApp(int i) => RolloutNames.HealthyApp(i);

    /// <summary>The change order of the i-th healthy rollout.</summary>
    public static string HealthyOrder(int i) => RolloutNames.HealthyOrder(i);

    /// <summary>The app of the i-th bad rollout.</summary>
    public static string BadApp(int i) => RolloutNames.BadApp(i);

    /// <summary>The change order of the i-th bad rollout.</summary>
    public static string BadOrder(int i) => RolloutNames.BadOrder(i);

    /// <summary>The scenario: the healthy rollouts already running, the bad apps idle.</summary>
    public static Scenario Build(int healthy, int bad) => new()
    {
        Name = $"call-budget-{healthy}-healthy-{bad}-bad",
        TimeScale = BudgetScale.TimeScale,
        Seed = 1,
        RateLimitPerMinute = BudgetScale.SimulatorLimitPerMinute,
        Apps =
        [
            .. Enumerable.Range(0, healthy).Select(i => App(HealthyApp(i), Healthy(HealthyOrder(i)))),
            .. Enumerable.Range(0, bad).Select(i => App(BadApp(i), null)),
        ],
    };

    /// <summary>A bad rollout on <paramref name="appId"/>: its first batch's two new instances turn unhealthy at <paramref name="faultSecond"/>.</summary>
    public static ChangeOrderDefinition Bad(string appId, string changeOrderId, double faultSecond) => new()
    {
        ChangeOrderId = changeOrderId,
        AppId = appId,
        Description = $"Deploy {changeOrderId}",
        Version = "2.0.0",
        Batches =
        [
            new BatchDefinition
            {
                Instances = 2,
                DurationSeconds = 600,
                Health = [new HealthPhase { FromSecond = faultSecond, Unhealthy = 2 }],
            },
            new BatchDefinition { Instances = 2, DurationSeconds = 600 },
        ],
    };

    /// <summary>
    /// The earliest scenario second, counted from the round's start, at which a late fault may appear among
    /// <paramref name="watches"/>: after every watch has polled twice (warm-up, which grows with the watches).
    /// </summary>
    public static double LateFaultFrom(int watches) => Math.Max(400, 8 * watches);

    /// <summary>The window after <see cref="LateFaultFrom"/> over which late faults are spread at random, in scenario seconds.</summary>
    public const double LateFaultWindow = 600;

    /// <summary>
    /// A round of long rollouts that all started 15 production minutes ago, of which the apps in <paramref name="faults"/>
    /// go bad at the given scenario second of the round: faults at random moments of a rollout's life, not in a batch's
    /// first minute.
    /// </summary>
    /// <remarks>With <paramref name="probe"/>, a bad app's probe endpoint answers 503 from the same moment.</remarks>
    public static Scenario BuildLate(int watches, IReadOnlyDictionary<int, double> faults, bool probe = false) => new()
    {
        Name = $"call-budget-late-{watches}-watches-{faults.Count}-bad",
        TimeScale = BudgetScale.TimeScale,
        Seed = 1,
        RateLimitPerMinute = BudgetScale.SimulatorLimitPerMinute,
        Apps =
        [
            .. Enumerable.Range(0, watches).Select(i =>
            {
                double? fault = faults.TryGetValue(i, out var at) ? BackgroundAgeSeconds + at : null;
                var app = App(HealthyApp(i), Healthy(HealthyOrder(i), fault));
                return probe && fault is { } from ? app with { Probe = [new ProbeAnswerDefinition { FromSecond = from, Status = 503 }] } : app;
            }),
        ],
    };

    /// <summary>
    /// One healthy rollout watched over its whole life: three batches of two instances, each rolling for three
    /// production minutes with a minute's wait between them, as a small SAE app's phased release takes.
    /// </summary>
    public static Scenario BuildLife() => new()
    {
        Name = "call-budget-life",
        TimeScale = BudgetScale.TimeScale,
        Seed = 1,
        RateLimitPerMinute = BudgetScale.SimulatorLimitPerMinute,
        Apps =
        [
            new AppDefinition
            {
                AppId = HealthyApp(0),
                AppName = HealthyApp(0),
                Replicas = 6,
                Version = "1.0.0",
                ChangeOrders =
                [
                    new ChangeOrderDefinition
                    {
                        ChangeOrderId = HealthyOrder(0),
                        Description = "Deploy a healthy release",
                        Version = "2.0.0",
                        BatchWaitSeconds = 60,
                        Batches = [.. Enumerable.Range(0, 3).Select(_ => new BatchDefinition { Instances = 2, DurationSeconds = 180 })],
                    },
                ],
            },
        ],
    };

    private static ChangeOrderDefinition Healthy(string changeOrderId, double? faultSecond = null) => new()
    {
        ChangeOrderId = changeOrderId,
        Description = $"Deploy {changeOrderId}",
        Version = "2.0.0",
        AgeSeconds = BackgroundAgeSeconds,
        Batches =
        [
            new BatchDefinition
            {
                Instances = 2,
                DurationSeconds = BackgroundBatchSeconds,
                Health = faultSecond is { } at ? [new HealthPhase { FromSecond = at, Unhealthy = 2 }] : [],
            },
            new BatchDefinition { Instances = 2, DurationSeconds = BackgroundBatchSeconds },
        ],
    };

    private static AppDefinition App(string appId, ChangeOrderDefinition? order) => new()
    {
        AppId = appId,
        AppName = appId,
        Replicas = 4,
        Version = "1.0.0",
        ChangeOrders = order is null ? [] : [order],
    };
}

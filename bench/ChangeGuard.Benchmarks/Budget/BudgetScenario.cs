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

    private static ChangeOrderDefinition Healthy(string changeOrderId) => new()
    {
        ChangeOrderId = changeOrderId,
        Description = $"Deploy {changeOrderId}",
        Version = "2.0.0",
        AgeSeconds = BackgroundAgeSeconds,
        Batches =
        [
            new BatchDefinition { Instances = 2, DurationSeconds = BackgroundBatchSeconds },
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

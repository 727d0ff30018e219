using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Benchmarks.Detection;

/// <summary>
/// The world of the detection suite, in real time with no account limit: bad rollouts whose first batch's two new
/// instances turn unhealthy at moments spread evenly over one poll interval (so the faults meet every phase of the
/// polls), and short healthy rollouts that run to success (so a whole watch lifecycle can be counted).
/// </summary>
public static class DetectionScenario
{
    /// <summary>The earliest second at which a bad batch turns unhealthy: every watch has polled by then.</summary>
    public const double FirstFaultSecond = 20;

    /// <summary>Seconds each healthy batch takes.</summary>
    public const double HealthyBatchSeconds = 30;

    /// <summary>When the i-th of <paramref name="bad"/> rollouts goes bad, in seconds from the start.</summary>
    public static double FaultSecond(int i, int bad, TimeSpan pollInterval) =>
        FirstFaultSecond + (pollInterval.TotalSeconds * i / Math.Max(1, bad));

    /// <summary>Every rollout, all starting with the simulator.</summary>
    public static Scenario Build(int bad, int healthy, TimeSpan pollInterval) => new()
    {
        Name = $"detection-{bad}-bad-{healthy}-healthy",
        Seed = 1,
        RateLimitPerMinute = 0,
        Apps =
        [
            .. Enumerable.Range(0, bad).Select(i => App(RolloutNames.BadApp(i), Budget.BudgetScenario.Bad(RolloutNames.BadApp(i), RolloutNames.BadOrder(i), FaultSecond(i, bad, pollInterval)))),
            .. Enumerable.Range(0, healthy).Select(i => App(RolloutNames.HealthyApp(i), Healthy(RolloutNames.HealthyOrder(i)))),
        ],
    };

    private static ChangeOrderDefinition Healthy(string changeOrderId) => new()
    {
        ChangeOrderId = changeOrderId,
        Description = $"Deploy {changeOrderId}",
        Batches =
        [
            new BatchDefinition { Instances = 2, DurationSeconds = HealthyBatchSeconds },
            new BatchDefinition { Instances = 2, DurationSeconds = HealthyBatchSeconds },
        ],
    };

    private static AppDefinition App(string appId, ChangeOrderDefinition order) => new()
    {
        AppId = appId,
        AppName = appId,
        Replicas = 4,
        Version = "1.0.0",
        ChangeOrders = [order],
    };
}

using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Benchmarks.Engine;

/// <summary>
/// A simulator world for many watches: one app per change order (SAE runs one order per app), two instances each,
/// one batch that lasts two hours, real time, SAE's rate limit off. Healthy orders stay healthy; bad ones turn both
/// new instances unready at <c>badFromSecond</c>, which a watch must abort.
/// </summary>
public static class FleetScenario
{
    /// <summary>The region every app lives in.</summary>
    public const string RegionId = "cn-hangzhou";

    /// <summary>The id of healthy order <paramref name="index"/>.</summary>
    public static string HealthyOrder(int index) => $"co-h{index:D5}";

    /// <summary>The id of bad order <paramref name="index"/>.</summary>
    public static string BadOrder(int index) => $"co-b{index:D3}";

    /// <summary>True for a healthy order's id.</summary>
    public static bool IsHealthy(string changeOrderId) => changeOrderId.StartsWith("co-h", StringComparison.Ordinal);

    /// <summary>The app an order runs on.</summary>
    public static string AppOf(string changeOrderId) => "app-" + changeOrderId[3..];

    /// <summary>Builds the world.</summary>
    public static Scenario Build(int healthy, int bad, double badFromSecond)
    {
        var apps = new List<AppDefinition>(healthy + bad);
        apps.AddRange(Enumerable.Range(0, healthy).Select(i => App(HealthyOrder(i), [])));
        apps.AddRange(Enumerable.Range(0, bad).Select(i => App(BadOrder(i),
            [new HealthPhase { FromSecond = badFromSecond, Unhealthy = 2, HealthStatus = "ReadinessUnhealthy" }])));
        return new Scenario
        {
            Name = $"engine-fleet-{healthy}+{bad}",
            Description = "Many long rollouts for the engine benchmarks.",
            TimeScale = 1,
            Seed = 1,
            RateLimitPerMinute = 0,
            Apps = apps,
        };
    }

    private static AppDefinition App(string changeOrderId, IReadOnlyList<HealthPhase> health) => new()
    {
        AppId = AppOf(changeOrderId),
        RegionId = RegionId,
        Replicas = 2,
        Version = "1.0.0",
        ChangeOrders =
        [
            new ChangeOrderDefinition
            {
                ChangeOrderId = changeOrderId,
                Version = "2.0.0",
                Batches = [new BatchDefinition { Instances = 2, DurationSeconds = 7200, Health = health }],
            },
        ],
    };
}

using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Testing.Builders;

/// <summary>Builds simulator scenarios for tests with sensible defaults: one app, real time, no faults.</summary>
public sealed class ScenarioBuilder
{
    private readonly List<AppDefinition> _apps = [];
    private FaultDefinition _faults = new();
    private double _timeScale = 1;
    private int _seed = 1;
    private int _rateLimit;
    private string _name = "test";

    public ScenarioBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public ScenarioBuilder WithTimeScale(double timeScale)
    {
        _timeScale = timeScale;
        return this;
    }

    public ScenarioBuilder WithSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>SAE's account-wide rate limit; scenarios default to 60 a minute, test scenarios to none.</summary>
    public ScenarioBuilder WithRateLimit(int callsPerMinute)
    {
        _rateLimit = callsPerMinute;
        return this;
    }

    public ScenarioBuilder WithFaults(FaultDefinition faults)
    {
        _faults = faults;
        return this;
    }

    public ScenarioBuilder WithApp(string appId, Func<AppBuilder, AppBuilder>? configure = null)
    {
        var builder = new AppBuilder(appId);
        _apps.Add((configure?.Invoke(builder) ?? builder).Build());
        return this;
    }

    public Scenario Build() => new()
    {
        Name = _name,
        TimeScale = _timeScale,
        Seed = _seed,
        RateLimitPerMinute = _rateLimit,
        Faults = _faults,
        Apps = _apps.ToArray(),
    };
}

/// <summary>Builds one app of a scenario.</summary>
public sealed class AppBuilder(string appId)
{
    private readonly List<ChangeOrderDefinition> _orders = [];
    private AppDefinition _app = new() { AppId = appId, AppName = appId, Replicas = 4, Version = "1.0.0" };

    public AppBuilder InRegion(string regionId, string? namespaceId = null)
    {
        _app = _app with { RegionId = regionId, NamespaceId = namespaceId };
        return this;
    }

    public AppBuilder WithReplicas(int replicas)
    {
        _app = _app with { Replicas = replicas };
        return this;
    }

    public AppBuilder WithExistingRestarts(params long[] restarts)
    {
        _app = _app with { ExistingRestarts = restarts };
        return this;
    }

    public AppBuilder WithTraffic(TrafficDefinition traffic)
    {
        _app = _app with { Traffic = traffic };
        return this;
    }

    /// <summary>How the app's probe endpoint answers over time (scenario seconds since its latest order started).</summary>
    public AppBuilder WithProbe(params ProbeAnswerDefinition[] answers)
    {
        _app = _app with { Probe = answers };
        return this;
    }

    public AppBuilder WithChangeOrder(string changeOrderId, Func<ChangeOrderDefinition, ChangeOrderDefinition>? configure = null)
    {
        var order = ChangeOrders.Healthy(changeOrderId);
        _orders.Add(configure?.Invoke(order) ?? order);
        return this;
    }

    public AppDefinition Build() => _app with { ChangeOrders = _orders.ToArray() };
}

/// <summary>Ready change orders and batches for tests.</summary>
public static class ChangeOrders
{
    /// <summary>Two healthy batches of 30 scenario seconds each.</summary>
    public static ChangeOrderDefinition Healthy(string changeOrderId) => new()
    {
        ChangeOrderId = changeOrderId,
        Description = $"Deploy {changeOrderId}",
        Version = "2.0.0",
        Batches = [Batch(), Batch()],
    };

    public static BatchDefinition Batch(int instances = 0, double durationSeconds = 30) =>
        new() { Instances = instances, DurationSeconds = durationSeconds };

    /// <summary>A healthy-looking batch whose new instances serve with the given metrics over time.</summary>
    public static BatchDefinition MetricsBatch(int instances, double durationSeconds, params MetricsPhase[] metrics) =>
        new() { Instances = instances, DurationSeconds = durationSeconds, Metrics = metrics };

    public static BatchDefinition UnhealthyBatch(int unhealthy, double fromSecond, int instances = 0, double durationSeconds = 30) =>
        new()
        {
            Instances = instances,
            DurationSeconds = durationSeconds,
            Health = [new HealthPhase { FromSecond = fromSecond, Unhealthy = unhealthy }],
        };
}

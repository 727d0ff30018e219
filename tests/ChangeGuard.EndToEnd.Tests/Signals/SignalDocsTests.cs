using System.Globalization;
using System.Text.RegularExpressions;
using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Signals;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Signals;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// The ready-made queries in docs/signals.md, run through ChangeGuard's signal reader against a real Prometheus
/// scraping the built-in <c>error-rate-climb</c> scenario: before the climb they are healthy, after it they give the
/// scenario's 8 % error rate and 900 ms latency.
/// </summary>
public sealed partial class SignalDocsTests
{
    private static readonly SignalContext Checkout = new("cn-hangzhou", "app-checkout", "co-errors-0001", "checkout");

    [Fact]
    public async Task DocumentedQueries_ErrorRateClimbScenario_GiveTheScriptedRatios()
    {
        // Arrange
        var queries = DocumentedQueries();
        Assert.Equal(["arms-error-rate", "arms-latency", "plain-error-rate", "plain-latency"], queries.Keys.Order(StringComparer.Ordinal));
        // Half the built-in pace: the climb comes 8 s after the scenario loads, time for the counters' rates to settle.
        var scenario = ScenarioLoader.LoadBuiltIn("error-rate-climb") with { TimeScale = 5 };
        await using var simulator = await SimulatorFixture.StartAsync(scenario);
        await using var prometheus = await PrometheusServer.StartAsync(simulator.BaseAddress);
        await prometheus.WaitForSeriesAsync("arms_app_requests_count_raw");
        using var services = WatchingServices.Create(new SignalSettings().Prometheus("local", prometheus.BaseAddress).Build());
        var window = TimeSpan.FromSeconds(3);
        var signals = new[]
        {
            SignalBuilder.Prometheus("arms-error-rate", queries["arms-error-rate"], 0.05, window: window),
            SignalBuilder.Prometheus("arms-latency", queries["arms-latency"], 0.5, window: window),
            SignalBuilder.Prometheus("plain-error-rate", queries["plain-error-rate"], 0.05, window: window),
            SignalBuilder.Prometheus("plain-latency", queries["plain-latency"], 0.5, window: window),
        };
        simulator.Load(scenario);

        // Act
        var before = await ReadUntilAsync(services.Get<SignalReader>(), signals, TimeSpan.FromSeconds(6), readings => readings.All(r => r.Outcome == SignalOutcome.Healthy));
        var after = await ReadUntilAsync(services.Get<SignalReader>(), signals, TimeSpan.FromSeconds(30), readings => readings.All(r => r.Outcome == SignalOutcome.Breach
            && double.Parse(r.Evidence!.Observed, CultureInfo.InvariantCulture) is > 0.075 and < 0.085 or > 0.85 and < 0.95));

        // Assert
        Assert.All(before, r => Assert.Equal(SignalOutcome.Healthy, r.Outcome));
        Assert.InRange(Observed(after, "arms-error-rate"), 0.075, 0.085);
        Assert.InRange(Observed(after, "plain-error-rate"), 0.075, 0.085);
        Assert.InRange(Observed(after, "arms-latency"), 0.85, 0.95);
        Assert.InRange(Observed(after, "plain-latency"), 0.85, 0.95);
    }

    private static double Observed(IReadOnlyList<SignalVerdict> readings, string name) =>
        double.Parse(readings.Single(r => r.Name == name).Evidence!.Observed, CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<SignalVerdict>> ReadUntilAsync(SignalReader reader, SignalDefinition[] signals, TimeSpan within, Func<IReadOnlyList<SignalVerdict>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        IReadOnlyList<SignalVerdict> readings;
        do
        {
            await Task.Delay(250);
            var measured = await reader.ReadAsync(Checkout, signals);
            readings = signals.Select(s => SignalRules.Judge(s, measured.Single(m => m.Name == s.Name))).ToArray();
        }
        while (!done(readings) && DateTimeOffset.UtcNow < deadline);
        return readings;
    }

    private static Dictionary<string, string> DocumentedQueries()
    {
        var text = RepositoryFiles.ReadDocument("signals.md");
        return Query().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value.Trim(), StringComparer.Ordinal);
    }

    [GeneratedRegex("<!-- query: (?<name>[a-z-]+) -->\n```promql\n(?<body>.*?)\n```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Query();
}

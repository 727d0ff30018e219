using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Measurements;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Signals;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Engine;
using ChangeGuard.Testing.Signals;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.EndToEnd.Tests.Signals;

/// <summary>
/// A real Prometheus that answers only a Basic auth pair, as an ARMS V2 instance answers only its AccessKey pair:
/// ChangeGuard's configured credentials get through, a wrong password is a permanent error (never a breach, never the
/// password in the detail).
/// </summary>
public sealed class PrometheusBasicAuthTests
{
    private static readonly SignalContext Context = new("cn-hangzhou", "app-1", "co-1", "app-1");

    private static async Task<SignalVerdict> ReadUpAsync(PrometheusServer prometheus, string password)
    {
        var settings = new SignalSettings()
            .Prometheus("arms-v2", prometheus.BaseAddress, PrometheusServer.BasicAuthUser, password)
            .Build(new Dictionary<string, string?>
            {
                ["Sae:AccessKeyId"] = "test-key",
                ["Sae:AccessKeySecret"] = "test-secret",
            });
        using var services = WatchingServices.Create(settings);
        var signal = SignalBuilder.Prometheus("scraped", "up", 1, comparison: SignalComparison.AtLeast, noData: NoDataRule.Error, server: "arms-v2");
        var measured = await services.Get<SignalReader>().ReadAsync(Context, [signal]);
        return SignalRules.Judge(signal, Assert.Single(measured));
    }

    [Fact]
    public async Task Read_RightPassword_ReadsTheQuery()
    {
        // Arrange
        await using var simulator = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());
        await using var prometheus = await PrometheusServer.StartAsync(simulator.BaseAddress, basicAuth: true);
        await prometheus.WaitForSeriesAsync("up");

        // Act
        var reading = await ReadUpAsync(prometheus, SignalSettings.PrometheusPassword);

        // Assert
        Assert.Equal(SignalOutcome.Healthy, reading.Outcome);
    }

    [Fact]
    public async Task Read_WrongPassword_IsAnErrorWithoutThePassword()
    {
        // Arrange
        await using var simulator = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());
        await using var prometheus = await PrometheusServer.StartAsync(simulator.BaseAddress, basicAuth: true);
        const string wrong = "WRONG-PASSWORD-recognisable-51d0";

        // Act
        var reading = await ReadUpAsync(prometheus, wrong);

        // Assert
        Assert.Equal((SignalOutcome.Error, ErrorClass.Permanent), (reading.Outcome, reading.ErrorClass));
        Assert.Contains("401", reading.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, reading.Detail, StringComparison.Ordinal);
    }
}

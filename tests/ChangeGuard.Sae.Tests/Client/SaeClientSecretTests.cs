using ChangeGuard.Sae.Errors;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>Secrets never reach log lines or exception text, whatever the call's outcome.</summary>
public sealed class SaeClientSecretTests
{
    private const string Token = "sts-token-do-not-log";

    [Fact]
    public async Task Calls_SuccessAndFailure_LogNeitherSecretNorTokenNorSignature()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(
            new ScenarioBuilder().WithFaults(new FaultDefinition { ThrottleRatio = 0.5 }).WithApp("app-1", a => a.WithChangeOrder("co-1")).Build(),
            securityToken: Token);
        var client = sim.CreateClient(o => o.MaxReadAttempts = 10);
        var wrong = sim.CreateClient(o => o.AccessKeySecret = "another-secret-do-not-log");

        // Act
        await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");
        var error = await Assert.ThrowsAsync<SaeException>(() => wrong.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

        // Assert
        var logs = sim.Logs.AllText + "\n" + error;
        Assert.Contains("DescribeChangeOrder", sim.Logs.AllText);
        Assert.DoesNotContain(sim.Simulator.Options.AccessKeySecret, logs);
        Assert.DoesNotContain("another-secret-do-not-log", logs);
        Assert.DoesNotContain(Token, logs);
        Assert.DoesNotContain("Signature=", logs);
        Assert.DoesNotContain("Credential=", logs);
    }

    [Fact]
    public async Task Calls_RequestLog_KeepsNoHeaders()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1")).Build(), securityToken: Token);
        var client = sim.CreateClient();

        // Act
        await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        var entry = Assert.Single(sim.Simulator.Log.Read());
        var text = System.Text.Json.JsonSerializer.Serialize(entry);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(sim.Simulator.Options.AccessKeySecret, text);
    }
}

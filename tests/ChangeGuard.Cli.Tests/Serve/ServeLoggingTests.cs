using System.Diagnostics;
using ChangeGuard.Hosting;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Processes;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary><c>serve</c> logs each request by default, one line, without secrets.</summary>
public sealed class ServeLoggingTests
{
    [Fact]
    public async Task Serve_Request_LogsOneLineWithoutSecrets()
    {
        // Arrange
        await using var simulator = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());
        var secret = simulator.Simulator.Options.AccessKeySecret;
        await using var serve = await ServeProcess.StartAsync(LoopbackPort.Next(), [], new Dictionary<string, string>
        {
            ["Sae__Endpoint"] = simulator.BaseAddress.ToString(),
            ["Sae__AccessKeyId"] = simulator.Simulator.Options.AccessKeyId,
            ["Sae__AccessKeySecret"] = secret,
        });
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        // Act
        using var response = await http.GetAsync(new Uri("api/watches?top=5", UriKind.Relative));
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (!serve.Output.Contains("GET /api/watches 200", StringComparison.Ordinal) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }

        // Assert
        Assert.Contains("GET /api/watches 200", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("top=5", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, serve.Output, StringComparison.Ordinal);
    }
}

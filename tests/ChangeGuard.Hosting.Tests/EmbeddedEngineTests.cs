using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Hosting.Tests;

public sealed class EmbeddedEngineTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sae:Endpoint"] = "http://127.0.0.1:9",
        ["Sae:AccessKeyId"] = "test-key",
        ["Sae:AccessKeySecret"] = "test-secret",
    };

    private static async Task<IHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings, Action<DurableTaskRegistry> tasks)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        EmbeddedEngine.ConfigureLogging(builder.Logging, verbose: false);
        builder.Services.AddChangeGuardEngine(builder.Configuration, tasks);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task StartAsync_NoEngineSettings_RunsAThousandWorkItemsAtOnce()
    {
        // Act
        await using var engine = await EmbeddedEngine.StartAsync(Settings, verbose: false, CancellationToken.None);

        // Assert
        var service = engine.Services.GetRequiredService<WorkItemLimitOrchestrationService>();
        Assert.Equal(EngineOptions.DefaultWorkItemConcurrency, service.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.Equal(1000, service.MaxConcurrentTaskActivityWorkItems);
    }

    [Fact]
    public async Task DisposeAsync_Stopped_LetsGoOfTheStore()
    {
        // Arrange: the sidecar's dispatcher outlives the engine by up to an hour, holding the service.
        var engine = await EmbeddedEngine.StartAsync(Settings, verbose: false, CancellationToken.None);
        var service = engine.Services.GetRequiredService<WorkItemLimitOrchestrationService>();

        // Act
        await engine.DisposeAsync();
        var thrown = await Record.ExceptionAsync(() => service.GetOrchestrationStateAsync("watch-1", executionId: null!));

        // Assert
        Assert.IsType<ObjectDisposedException>(thrown);
    }

    [Fact]
    public async Task StartAsync_WorkItemConcurrencySet_UsesIt()
    {
        // Arrange
        var settings = new Dictionary<string, string?>(Settings) { ["ChangeGuard:Engine:WorkItemConcurrency"] = "250" };

        // Act
        await using var engine = await EmbeddedEngine.StartAsync(settings, verbose: false, CancellationToken.None);

        // Assert
        Assert.Equal(250, engine.Services.GetRequiredService<WorkItemLimitOrchestrationService>().MaxConcurrentTaskOrchestrationWorkItems);
    }

    [Fact]
    public async Task StartAsync_WorkItemConcurrencyZero_FailsNamingTheSetting()
    {
        // Arrange
        var settings = new Dictionary<string, string?>(Settings) { ["ChangeGuard:Engine:WorkItemConcurrency"] = "0" };

        // Act
        var thrown = await Record.ExceptionAsync(() => EmbeddedEngine.StartAsync(settings, verbose: false, CancellationToken.None));

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(thrown);
        Assert.Contains("ChangeGuard:Engine:WorkItemConcurrency", invalid.Message);
    }

    [Fact]
    public async Task AddTo_FortyTimerLoopsAtOnce_AllFinishWithoutThrottling()
    {
        // Arrange: the stock in-memory host runs two work items at a time and sleeps 500 ms when both are busy, so
        // forty loops of three polls (280 orchestration work items) would take over a minute there.
        using var host = await StartHostAsync(Settings, registry => registry
            .AddOrchestratorFunc<int, int>("TimerLoop", async (context, rounds) =>
            {
                for (var round = 0; round < rounds; round++)
                {
                    await context.CallActivityAsync<int>("Echo", round);
                    await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(500), CancellationToken.None);
                }

                return rounds;
            })
            .AddActivityFunc<int, int>("Echo", (_, value) => value));
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();

        // Act
        var ids = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.ScheduleNewOrchestrationInstanceAsync("TimerLoop", 3, timeout.Token)));
        var results = await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));
        clock.Stop();
        await host.StopAsync();

        // Assert
        Assert.All(results, r => Assert.Equal(OrchestrationRuntimeStatus.Completed, r.RuntimeStatus));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}

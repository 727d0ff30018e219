using ChangeGuard.Domain.Settings;
using ChangeGuard.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The embedded engine every standalone host runs: the watching workflow (<c>AddChangeGuardWatching</c>) on a Durable
/// Task engine assembled here rather than by <c>AddInMemoryDurableTask</c>, so that its store and its work-item limit
/// are ours (<see cref="EngineOptions"/>): the in-memory or Azure Storage store, the gRPC sidecar on a loopback port,
/// and the Durable worker and client pointed at it.
/// </summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the watching workflow and the engine that runs it (settings from <c>ChangeGuard:Engine</c>), with
    /// <paramref name="moreTasks"/> registered next to ChangeGuard's orchestration and activities (benchmarks, tests).
    /// </summary>
    public static IServiceCollection AddChangeGuardEngine(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry>? moreTasks = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddChangeGuardWatching(configuration);
        services.AddOptions<EngineOptions>()
            .Bind(configuration.GetSection(EngineOptions.SectionName))
            .ValidateFields(options => options.Validate());

        var endpoint = new SidecarEndpoint(LoopbackPort.Next());
        services.AddSingleton(endpoint);
        services.AddOptions<EngineOptions>().PostConfigure(options =>
        {
            if (string.IsNullOrWhiteSpace(options.StorageConnection))
            {
                options.StorageConnection = configuration["AzureWebJobsStorage"];
            }
        });
        services.AddSingleton(sp => OrchestrationStoreFactory.Create(sp.GetRequiredService<IOptions<EngineOptions>>().Value, sp.GetService<ILoggerFactory>()));

        // Registered before the worker, so the sidecar listens before the worker connects (hosts start services in order).
        services.AddSingleton<IEngineSidecar, TaskHubSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<IEngineSidecar>());

        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(endpoint.Address);
            builder.AddTasks(registry =>
            {
                registry.AddChangeGuardTasks();
                moreTasks?.Invoke(registry);
            });

            // The sidecar sets the pace; the worker must never be the narrower limit.
            builder.Services.AddOptions<DurableTaskWorkerOptions>(builder.Name).Configure<IOptions<EngineOptions>>((worker, engine) =>
            {
                worker.Concurrency.MaximumConcurrentOrchestrationWorkItems = engine.Value.WorkItemConcurrency;
                worker.Concurrency.MaximumConcurrentActivityWorkItems = engine.Value.WorkItemConcurrency;
            });
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(endpoint.Address);
            builder.RegisterDirectly();
        });
        return services;
    }
}

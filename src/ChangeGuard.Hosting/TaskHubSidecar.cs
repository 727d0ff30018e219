using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeGuard.Hosting;

/// <summary>
/// Runs the Durable Task sidecar (<see cref="TaskHubGrpcServer"/>, the gRPC task hub of the in-process test host)
/// on its own loopback-only Kestrel, over <see cref="WorkItemLimitOrchestrationService"/>. The sidecar's own host
/// has its own lifetime: the gRPC server starts its dispatchers when that host has started. On stop the service lets
/// go of the store (<see cref="WorkItemLimitOrchestrationService.Detach"/>), since the stopped dispatcher lingers.
/// </summary>
internal sealed class TaskHubSidecar(SidecarEndpoint endpoint, WorkItemLimitOrchestrationService service, ILoggerFactory loggerFactory) : IEngineSidecar, IDisposable, IAsyncDisposable
{
    /// <inheritdoc />
    public SidecarEndpoint Endpoint => endpoint;

    private WebApplication? _app;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A durable store's task hub (tables, queues, containers) is created on first use; the in-memory one has none.
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2);

            // One worker connection carries every completion; do not make it queue behind the default 100 streams.
            kestrel.Limits.Http2.MaxStreamsPerConnection = Math.Max(100, service.MaxConcurrentTaskActivityWorkItems);
        });
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_app is { } app)
            {
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            service.Detach();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        service.Detach();
        if (_app is IDisposable app)
        {
            _app = null;
            app.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        service.Detach();
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}

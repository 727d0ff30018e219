using ChangeGuard.Simulator.Api;
using ChangeGuard.Simulator.Control;
using ChangeGuard.Simulator.Model;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChangeGuard.Simulator;

/// <summary>Starts the SAE simulator on Kestrel, in-process (tests, demos) or as the simulator program.</summary>
public static class SaeSimulatorServer
{
    /// <summary>Starts a simulator and returns once it listens.</summary>
    public static async Task<RunningSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.BindAddress, options.Port));
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddSimpleConsole();
        }

        var world = new SimulatedWorld(options.Time);
        if (options.Scenario is not null)
        {
            world.Load(options.Scenario);
        }

        var log = new RequestLog();
        var endpoint = new SaeApiEndpoint(world, new SignatureVerifier(options.AccessKeyId, options.AccessKeySecret, options.SecurityToken, options.Time), new FaultInjector(world), log);

        var app = builder.Build();
        app.Use(ControlEndpoints.HandleErrorsAsync);
        ControlEndpoints.Map(app, world, log);
        AppSignals.AppEndpoints.Map(app, world);
        app.Map("/{**path}", endpoint.HandleAsync);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningSimulator(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), world, log, options);
    }
}

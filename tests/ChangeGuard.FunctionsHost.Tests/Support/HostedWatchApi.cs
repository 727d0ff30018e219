using ChangeGuard.Testing.Http;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>The contract suite's view of a hosted app: requests through the host's routing with the function key.</summary>
public sealed class HostedWatchApi(HostedApp app, FunctionsHostClient client) : IWatchHttpHost
{
    /// <inheritdoc />
    public SimulatorFixture Simulator => app.Simulator;

    /// <inheritdoc />
    public Task<HttpExchange> SendAsync(HttpMethod method, string pathAndQuery, string? jsonBody = null, string? contentType = HttpExchange.Json) =>
        client.SendAsync(method, pathAndQuery, jsonBody, contentType: contentType);

    /// <summary>Nothing to stop: the app outlives one case; <see cref="SharedHostedApp"/> resets it before the next.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

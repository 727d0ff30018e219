using ChangeGuard.FunctionsHost.Tests.Support;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.FunctionsHost.Tests.Http;

/// <summary>The shared HTTP contract through a real host: its routing, its function-key check and its worker channel.</summary>
[RequiresFunctionsHost]
[Collection(HostCollection.Name)]
public sealed class HostHttpContractTests(SharedHostedApp shared) : WatchHttpContract
{
    /// <inheritdoc />
    protected override async Task<IWatchHttpHost> StartHostAsync(Scenario scenario)
    {
        var app = await shared.ResetAsync(scenario);
        return new HostedWatchApi(app, app.Client());
    }
}

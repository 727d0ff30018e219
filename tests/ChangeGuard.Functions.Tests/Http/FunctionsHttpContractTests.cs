using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.Functions.Tests.Http;

/// <summary>The shared HTTP contract of the watch API, run against the Functions adapters over the real engine.</summary>
public sealed class FunctionsHttpContractTests : WatchHttpContract
{
    /// <inheritdoc />
    protected override async Task<IWatchHttpHost> StartHostAsync(Scenario scenario) => await FunctionsHttpHost.StartAsync(scenario);
}

using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing.Http;

namespace ChangeGuard.Cli.Tests.Serve;

/// <summary>The shared HTTP contract, run against <c>serve</c> over real HTTP.</summary>
public sealed class ServeHttpContractTests : WatchHttpContract
{
    protected override async Task<IWatchHttpHost> StartHostAsync(Scenario scenario) => await ServeHttpHost.StartAsync(scenario);
}

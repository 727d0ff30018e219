using Microsoft.Extensions.Hosting;

namespace ChangeGuard.Hosting;

/// <summary>
/// The gRPC task hub the embedded engine's worker and client talk to, over the store the engine was given. Today it is
/// the in-process test host's <c>TaskHubGrpcServer</c>, a preview package and the only Durable Task sidecar served;
/// this interface is the one place that would change if another took its place (docs/operations.md).
/// </summary>
public interface IEngineSidecar : IHostedService
{
    /// <summary>Where the sidecar listens, on loopback.</summary>
    SidecarEndpoint Endpoint { get; }
}

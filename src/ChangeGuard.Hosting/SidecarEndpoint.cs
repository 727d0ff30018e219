namespace ChangeGuard.Hosting;

/// <summary>
/// Where the engine's sidecar listens: a loopback port the operating system reported free when the engine was
/// added, fixed before start because the Durable worker and client are configured with an address, not a server.
/// </summary>
/// <param name="Port">The port on 127.0.0.1.</param>
public sealed record SidecarEndpoint(int Port)
{
    /// <summary>The address the worker and client call.</summary>
    public string Address => $"http://127.0.0.1:{Port}";
}

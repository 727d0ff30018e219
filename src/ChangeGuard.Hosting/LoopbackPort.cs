using System.Net;
using System.Net.Sockets;

namespace ChangeGuard.Hosting;

/// <summary>
/// A free loopback port for the embedded engine's sidecar (its internal gRPC channel), asked of the operating system
/// rather than drawn at random, so that several engines starting at once (tests, several CLI runs) do not collide.
/// </summary>
public static class LoopbackPort
{
    /// <summary>A port the operating system just reported free on 127.0.0.1.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

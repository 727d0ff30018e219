using System.Net;
using System.Net.Sockets;

namespace ChangeGuard.Cli.Engine;

/// <summary>
/// A free loopback port for the embedded engine's internal gRPC channel. The engine otherwise draws a random port
/// from 30000-40000, which collides when several engines start at once (tests, several CLI runs on one machine).
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

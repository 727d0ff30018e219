using System.Net;
using System.Net.Sockets;

namespace ChangeGuard.Testing;

/// <summary>Free ports on 127.0.0.1 for servers a test starts (simulator, serve, Azurite, Prometheus, sidecars).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

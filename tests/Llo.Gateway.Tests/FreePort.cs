using System.Net;
using System.Net.Sockets;

namespace Llo.Gateway.Tests;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it), for servers configured by URL.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Llo.Kit.Tests;

/// <summary>
/// A loopback TCP relay in front of the test PostgreSQL, so one test host can lose its database while every other test
/// keeps the shared server: <see cref="Cut"/> closes the listener (new connections are refused) and resets every open
/// connection, as a killed PostgreSQL does.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _sockets = [];
    private readonly string _targetHost;
    private readonly int _targetPort;

    public TcpRelay(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(); }
            catch (Exception) { return; }
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try { await server.ConnectAsync(_targetHost, _targetPort); }
            catch (SocketException) { client.Dispose(); server.Dispose(); continue; }
            lock (_sockets) _sockets.AddRange([client, server]);
            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0) await to.SendAsync(buffer.AsMemory(0, read));
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception)
        {
            // The other side is gone or the relay was cut.
        }
    }

    public void Cut()
    {
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                // Linger 0: close with a reset, not a polite FIN.
                try { socket.LingerState = new LingerOption(true, 0); } catch (Exception) { }
                socket.Dispose();
            }
            _sockets.Clear();
        }
    }

    public void Dispose() => Cut();
}

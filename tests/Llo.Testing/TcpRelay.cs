using System.Net;
using System.Net.Sockets;

namespace Llo.Testing;

/// <summary>
/// A loopback TCP relay in front of a shared test server (PostgreSQL, RabbitMQ), so one test host can lose that
/// server while every other test, in this and in the other test assemblies running alongside, keeps it.
/// <see cref="Cut"/> resets every open connection, as a killed server does, and refuses new ones (each is reset at
/// once) until <see cref="Restore"/>; the relay keeps its port, so a client reconnects to the same address.
/// </summary>
public sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _sockets = [];
    private readonly string _targetHost;
    private readonly int _targetPort;
    private volatile bool _cut;

    public TcpRelay(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>A relay in front of the server of <paramref name="uri"/> (host and port).</summary>
    public static TcpRelay InFrontOf(Uri uri) => new(uri.Host, uri.Port);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><paramref name="uri"/> with its host and port replaced by the relay's.</summary>
    public Uri Relayed(Uri uri) => new UriBuilder(uri) { Host = "127.0.0.1", Port = Port }.Uri;

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(); }
            catch (Exception) { return; }
            if (_cut)
            {
                Reset(client);
                continue;
            }
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

    /// <summary>Resets every open connection and every new one until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        lock (_sockets)
        {
            foreach (var socket in _sockets) Reset(socket);
            _sockets.Clear();
        }
    }

    /// <summary>Relays new connections again, as a server that came back.</summary>
    public void Restore() => _cut = false;

    private static void Reset(Socket socket)
    {
        // Linger 0: close with a reset, not a polite FIN.
        try { socket.LingerState = new LingerOption(true, 0); } catch (Exception) { }
        socket.Dispose();
    }

    public void Dispose()
    {
        Cut();
        _listener.Stop();
    }
}

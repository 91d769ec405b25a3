using System.Net.Sockets;

namespace Llo.AppHost.Infrastructure;

/// <summary>Stops the app host with one sentence naming what is missing and the command that fixes it.</summary>
internal static class Prerequisites
{
    public static void RequireFile(string path, string what, string package)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{what} is missing ({path}): install it with 'sudo apt-get install -y {package}' (./llo run does this for you).");
        }
    }

    public static void RequireFreePort(int port, string what)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
        }
        catch (SocketException)
        {
            return;
        }
        throw new InvalidOperationException(
            $"Port {port} ({what}) is already in use: stop what listens there (see: ss -ltnp 'sport = :{port}') or run ./llo stop.");
    }
}

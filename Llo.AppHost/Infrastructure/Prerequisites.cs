using System.Net.Sockets;

namespace Llo.AppHost.Infrastructure;

/// <summary>A missing prerequisite, said in one sentence with the command that fixes it.</summary>
public sealed class PrerequisiteException(string message) : Exception(message);

/// <summary>Stops the app host with one sentence naming what is missing and the command that fixes it.</summary>
internal static class Prerequisites
{
    /// <summary>Makes a <see cref="PrerequisiteException"/> that nobody catches end the app host with its one sentence, no stack trace.</summary>
    public static void ReportWithoutStackTrace() =>
        AppDomain.CurrentDomain.UnhandledException += (_, args) =>
        {
            if (args.ExceptionObject is PrerequisiteException missing)
            {
                Console.Error.WriteLine(missing.Message);
                Environment.Exit(1);
            }
        };

    public static void RequireFile(string path, string what, string package)
    {
        if (!File.Exists(path))
        {
            throw new PrerequisiteException(
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
        throw new PrerequisiteException(
            $"Port {port} ({what}) is already in use: stop what listens there (see: ss -ltnp 'sport = :{port}') or run ./llo stop.");
    }
}

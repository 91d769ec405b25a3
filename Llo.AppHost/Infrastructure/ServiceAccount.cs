using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Llo.AppHost.Infrastructure;

/// <summary>
/// Runs the servers as their own non-root accounts when the app host runs as root:
/// initdb and postgres refuse root, and RabbitMQ's Erlang cookie must belong to its user.
/// </summary>
internal static class ServiceAccount
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// The command and leading arguments that start <paramref name="program"/> as <paramref name="user"/>.
    /// setpriv execs in place (unlike runuser, which forks and kills its child two seconds after a
    /// SIGTERM), so the server itself receives Aspire's stop signal and shuts down cleanly.
    /// </summary>
    public static (string Command, string[] Prefix) Launch(string user, string program) =>
        IsRoot
            ? ("/usr/bin/setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program])
            : (program, []);

    /// <summary>Runs a short command as <paramref name="user"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string user, string program, IEnumerable<string> args, CancellationToken ct)
    {
        var (command, prefix) = Launch(user, program);
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>Creates <paramref name="directory"/> and hands it (recursively) to <paramref name="user"/>.</summary>
    public static void Own(string user, string directory)
    {
        Directory.CreateDirectory(directory);
        if (!IsRoot)
        {
            return;
        }
        using var chown = Process.Start("chown", ["-R", $"{user}:", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {directory} to the '{user}' account (chown failed).");
        }
    }

    /// <summary>
    /// <paramref name="wanted"/> when the service accounts can reach it, otherwise a folder under /var/tmp
    /// named after it (the same rule and name as llo_state_dir in eng/servers.sh, so ./llo stop finds it).
    /// </summary>
    public static string ReachableDirectory(string wanted)
    {
        Directory.CreateDirectory(wanted);
        if (!IsRoot || CanTraverse("postgres", wanted))
        {
            return wanted;
        }
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(wanted + "\n")))[..12];
        var fallback = $"/var/tmp/llo-{hash}";
        Directory.CreateDirectory(fallback);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fallback, (UnixFileMode)0b111_101_101);
        }
        return fallback;
    }

    private static bool CanTraverse(string user, string directory)
    {
        using var test = Process.Start("runuser", ["-u", user, "--", "test", "-x", directory]);
        test.WaitForExit();
        return test.ExitCode == 0;
    }
}

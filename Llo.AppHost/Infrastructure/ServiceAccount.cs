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
        // /var/tmp is shared by every account: a folder someone else made there first (to read our passwords,
        // or to feed us their data) is refused, never used.
        if (!OperatingSystem.IsWindows() && !Directory.Exists(fallback) && !File.Exists(fallback))
        {
            Directory.CreateDirectory(fallback, (UnixFileMode)0b111_101_101);
        }
        RequirePrivate(fallback);
        return fallback;
    }

    /// <summary>Refuses <paramref name="directory"/> unless it is a real directory of ours that no other account can write.</summary>
    public static void RequirePrivate(string directory)
    {
        var info = new DirectoryInfo(directory);
        if (info.LinkTarget is not null || !info.Exists)
        {
            throw new PrerequisiteException($"The state directory {directory} is not a directory (a link?): remove it and run again.");
        }
        if (Owner(directory) != EffectiveUserId())
        {
            throw new PrerequisiteException(
                $"The state directory {directory} belongs to another account: remove it (or have its owner remove it) and run again.");
        }
        if ((info.UnixFileMode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new PrerequisiteException(
                $"The state directory {directory} can be written by other accounts: run 'chmod go-w {directory}' if nobody else changed it, or remove it.");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint EffectiveUserId();

    private static uint Owner(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%u", "--", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return stat.ExitCode == 0 && uint.TryParse(output.Trim(), out var uid) ? uid : uint.MaxValue;
    }

    private static bool CanTraverse(string user, string directory)
    {
        using var test = Process.Start("runuser", ["-u", user, "--", "test", "-x", directory]);
        test.WaitForExit();
        return test.ExitCode == 0;
    }
}

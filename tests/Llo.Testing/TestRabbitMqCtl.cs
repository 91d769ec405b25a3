using System.Diagnostics;

namespace Llo.Testing;

/// <summary>rabbitmqctl for the test node (./llo test exports the epmd port; the cookie is in the node's HOME).</summary>
public static class TestRabbitMqCtl
{
    /// <summary>Runs the command; a non-zero exit is an <see cref="InvalidOperationException"/> with its output.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        const string ctl = "/usr/lib/rabbitmq/bin/rabbitmqctl";
        var directory = TestServers.RabbitMqDirectory;
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv", ["--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "env", $"HOME={directory}", ctl])
            : new ProcessStartInfo(ctl) { Environment = { ["HOME"] = directory } };
        foreach (var argument in (string[])["-n", TestServers.RabbitMqNode, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
        return await output;
    }
}

using System.Diagnostics;

namespace Llo.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from (DESIGN.md §3).</summary>
public enum InfrastructureMode
{
    /// <summary>Aspire's own PostgreSQL and RabbitMQ containers (Docker or Podman).</summary>
    Containers,

    /// <summary>The machine's PostgreSQL and RabbitMQ binaries as Aspire executables, data under .llo/.</summary>
    Processes,

    /// <summary>Connection strings given by the operator (ConnectionStrings:inventory-db, ConnectionStrings:messaging).</summary>
    External,
}

internal static class InfrastructureModeChooser
{
    public const string ConfigKey = "Llo:Infrastructure";

    /// <summary>The configured mode, or Containers when a container runtime answers quickly, else Processes.</summary>
    public static (InfrastructureMode Mode, string Reason, string? ContainerRuntime) Choose(IConfiguration configuration)
    {
        var configured = configuration[ConfigKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode))
            {
                throw new PrerequisiteException(
                    $"Llo__Infrastructure is '{configured}': use Containers, Processes or External.");
            }
            return (mode, "set by Llo__Infrastructure", null);
        }

        foreach (var runtime in new[] { "docker", "podman" })
        {
            if (Answers(runtime))
            {
                return (InfrastructureMode.Containers, $"'{runtime} info' answered", runtime);
            }
        }
        return (InfrastructureMode.Processes, "no working container runtime ('docker info'/'podman info' failed)", null);
    }

    // A runtime counts only if its engine answers: an installed CLI without a daemon would make DCP wait forever.
    private static bool Answers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}

using System.Collections.Concurrent;
using Llo.AppHost;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.EndToEnd.Tests;

/// <summary>
/// The whole app host, booted once for the test class in Processes mode, on its own ports and
/// state directory (.llo/e2e) so it never meets a developer's ./llo run or ./llo test's servers.
/// </summary>
public sealed class LloAppFixture : IAsyncLifetime
{
    /// <summary>
    /// In start order: the servers, each service declared in AppHost.cs after its database, the gateway.
    /// A failure names the first of these that is not healthy.
    /// </summary>
    public IReadOnlyList<string> Resources { get; private set; } = [];

    // Most boots take about a minute; on a machine busy with other builds the servers' first start (initdb, the
    // broker node, every service's migrations) has taken over four.
    /// <summary>The gateway's JSON port (gRPC on the next one).</summary>
    public const int GatewayPort = 18080;

    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(6);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _logs = new();
    private readonly CancellationTokenSource _stopping = new();

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(BootTimeout);
        var root = Environment.GetEnvironmentVariable("LLO_ROOT") ?? FindRepositoryRoot();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
        [
            "--Llo:Infrastructure=Processes",
            $"--Llo:StateDirectory={Path.Combine(root, ".llo", "e2e")}",
            // Fixed ports below 32768: above it the kernel also hands ports out for outgoing connections, and the test
            // run's many connections could hold one for a moment as a server tried to bind it (the gateway once failed
            // to start on 48080 in a full run). Apart from ./llo run's (5433, 5673, 25673, 8080, 8081, 18888).
            "--Llo:Ports:Postgres=15433",
            "--Llo:Ports:RabbitMq=15673",
            "--Llo:Ports:RabbitMqDist=15674",
            $"--Llo:Ports:Gateway={GatewayPort}",
            $"--Llo:Ports:GatewayGrpc={GatewayPort + 1}",
        ], timeout.Token);
        Resources =
        [
            "postgres", "messaging",
            .. LloServices.Declared(builder.Resources).SelectMany(service => new[] { LloServices.DatabaseOf(service).Name, service.Name }),
            "gateway",
        ];
        App = await builder.BuildAsync(timeout.Token);
        CollectLogs();
        try
        {
            await App.StartAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Say where the start got stuck instead of a bare TaskCanceledException.
            var first = Resources.FirstOrDefault(name => !IsRunning(name)) ?? Resources[^1];
            throw new TimeoutException($"The app host did not start within {BootTimeout.TotalMinutes} minutes.\n{Describe(first)}");
        }

        foreach (var resource in Resources)
        {
            try
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"'{resource}' was not healthy within {BootTimeout.TotalMinutes} minutes.\n{Describe(resource)}");
            }
            catch (DistributedApplicationException error)
            {
                // The resource failed to start: its last log lines say why.
                throw new DistributedApplicationException($"{error.Message}\n{Describe(resource)}", error);
            }
        }
    }

    private bool IsRunning(string resource) =>
        App.ResourceNotifications.TryGetCurrentState(resource, out var current) && current.Snapshot.State?.Text == KnownResourceStates.Running;

    /// <summary>The state of every resource, and the last log lines of <paramref name="failed"/>.</summary>
    public string Describe(string failed)
    {
        var states = Resources.Select(name => App.ResourceNotifications.TryGetCurrentState(name, out var current)
            ? $"  {name}: {current.Snapshot.State?.Text ?? "?"}, health {current.Snapshot.HealthStatus?.ToString() ?? "unknown"}"
              + string.Concat(current.Snapshot.HealthReports.Where(r => r.Description is not null).Select(r => $" ({r.Description})"))
            : $"  {name}: no state");
        var logs = _logs.TryGetValue(failed, out var lines) ? lines.TakeLast(30) : [];
        return $"Resources:\n{string.Join('\n', states)}\nLast log lines of '{failed}':\n{string.Join('\n', logs)}";
    }

    // Resource logs are kept in memory so a failure can show what the failing process said.
    private void CollectLogs()
    {
        var loggers = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in Resources)
        {
            var lines = _logs.GetOrAdd(resource, _ => new ConcurrentQueue<string>());
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(_stopping.Token))
                    {
                        foreach (var line in batch)
                        {
                            lines.Enqueue(line.Content);
                            while (lines.Count > 200 && lines.TryDequeue(out _)) { }
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        _stopping.Dispose();
    }

    internal static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Llo.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Llo.sln not found above the test assembly: set LLO_ROOT.");
    }
}

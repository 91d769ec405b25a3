namespace Llo.AppHost.Infrastructure;

/// <summary>The machine's RabbitMQ (rabbitmq-server) run by the app host as its own node, data under .llo/rabbitmq.</summary>
public sealed class RabbitMqProcessResource(string name, string command, string workingDirectory, string uri)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal string Uri { get; } = uri;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Uri}");
}

internal static class RabbitMqProcess
{
    private const string Account = "rabbitmq";

    public static IResourceBuilder<RabbitMqProcessResource> AddRabbitMqProcess(
        this IDistributedApplicationBuilder builder, string name, LloSettings settings)
    {
        var server = Path.Combine(settings.RabbitMqBin, "rabbitmq-server");
        Prerequisites.RequireFile(server, "RabbitMQ", "rabbitmq-server");

        var directory = Path.Combine(settings.StateDirectory, "rabbitmq");
        var node = $"llo-{settings.RabbitMqPort}@localhost";
        // Every variable points into .llo/rabbitmq so the node never touches the system broker;
        // HOME holds the Erlang cookie that rabbitmqctl (and ./llo stop) needs to reach the node.
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = directory,
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_PORT"] = settings.RabbitMqPort.ToString(),
            ["RABBITMQ_DIST_PORT"] = settings.RabbitMqDistPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
            ["RABBITMQ_LOGS"] = "-", // to stdout, so the dashboard shows the broker's log
        };
        StopLeftover(settings, node, environment);
        Prerequisites.RequireFreePort(settings.RabbitMqPort, "RabbitMQ");
        Prerequisites.RequireFreePort(settings.RabbitMqDistPort, "RabbitMQ distribution");

        // guest/guest is allowed on loopback only, and the listener binds to loopback only.
        var uri = $"amqp://guest:guest@127.0.0.1:{settings.RabbitMqPort}/";
        var (command, prefix) = ServiceAccount.Launch(Account, server);
        var healthKey = $"{name}-connect";
        builder.Services.AddHealthChecks().AddCheck(healthKey, new AmqpConnectCheck(uri));

        return builder.AddResource(new RabbitMqProcessResource(name, command, directory, uri))
            .WithArgs(prefix)
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in environment)
                {
                    context.EnvironmentVariables[key] = value;
                }
            })
            .WithEndpoint(port: settings.RabbitMqPort, targetPort: settings.RabbitMqPort, scheme: "amqp", name: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .OnBeforeResourceStarted((_, _, _) =>
            {
                Prepare(directory, settings.RabbitMqPort);
                return Task.CompletedTask;
            });
    }

    private static void Prepare(string directory, int port)
    {
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        var plugins = Path.Combine(directory, "enabled_plugins");
        if (!File.Exists(plugins))
        {
            File.WriteAllText(plugins, "[].\n");
        }
        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{port}\n");
        ServiceAccount.Own(Account, directory);
    }

    // A node left running by a killed app host holds the ports: ask it to stop (same node name and cookie).
    private static void StopLeftover(LloSettings settings, string node, Dictionary<string, string> environment)
    {
        if (!File.Exists(Path.Combine(environment["HOME"], ".erlang.cookie")))
        {
            return;
        }
        try
        {
            Prerequisites.RequireFreePort(settings.RabbitMqPort, "RabbitMQ");
            return;
        }
        catch (PrerequisiteException)
        {
            // Taken: perhaps by our own leftover node.
        }
        ServiceAccount.RunAsync(Account, "/usr/bin/env",
            [.. environment.Select(pair => $"{pair.Key}={pair.Value}"), Path.Combine(settings.RabbitMqBin, "rabbitmqctl"), "-n", node, "stop"],
            CancellationToken.None).GetAwaiter().GetResult();
    }
}

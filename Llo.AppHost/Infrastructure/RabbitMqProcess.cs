namespace Llo.AppHost.Infrastructure;

/// <summary>The machine's RabbitMQ (rabbitmq-server) run by the app host as its own node, data under .llo/rabbitmq.</summary>
public sealed class RabbitMqProcessResource(string name, string command, string workingDirectory, int port, BrokerAccount administrator)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal BrokerAccount Administrator { get; } = administrator;

    /// <summary>Every login the node knows: the administrator's and one per service (<see cref="BrokerAccounts"/>).</summary>
    internal List<BrokerAccount> Accounts { get; } = [administrator];

    internal string UriOf(BrokerAccount account) =>
        $"amqp://{Uri.EscapeDataString(account.User)}:{Uri.EscapeDataString(account.Password)}@127.0.0.1:{port}/";

    /// <summary>The administrator's connection; services get their own (<see cref="RabbitMqProcess.AddLogin"/>).</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{UriOf(Administrator)}");
}

internal static class RabbitMqProcess
{
    private const string Account = "rabbitmq";
    private const string AdministratorUser = "llo";

    public static IResourceBuilder<RabbitMqProcessResource> AddRabbitMqProcess(
        this IDistributedApplicationBuilder builder, string name, LloSettings settings)
    {
        var server = Path.Combine(settings.RabbitMqBin, "rabbitmq-server");
        Prerequisites.RequireFile(server, "RabbitMQ", "rabbitmq-server");

        var directory = Path.Combine(settings.StateDirectory, "rabbitmq");
        var node = $"llo-{settings.RabbitMqPort}@localhost";
        // Only loopback: the node's own epmd (not the machine's, which may listen on every address) and the Erlang
        // distribution listener, for the broker and for rabbitmqctl alike.
        const string loopbackDistribution = "-kernel inet_dist_use_interface {127,0,0,1}";
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
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_PORT"] = settings.RabbitMqEpmdPort.ToString(),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = loopbackDistribution,
            ["RABBITMQ_CTL_ERL_ARGS"] = loopbackDistribution,
        };
        StopLeftover(settings, node, environment);
        Prerequisites.RequireFreePort(settings.RabbitMqPort, "RabbitMQ");
        Prerequisites.RequireFreePort(settings.RabbitMqDistPort, "RabbitMQ distribution");

        var secrets = Path.Combine(settings.StateDirectory, "secrets");
        var administrator = new BrokerAccount(AdministratorUser,
            SecretFile.ReadOrCreate(Path.Combine(secrets, $"rabbitmq-{AdministratorUser}.password")), Administrator: true);
        var resource = new RabbitMqProcessResource(name, ServiceAccount.Launch(Account, server).Command, directory, settings.RabbitMqPort, administrator);
        var healthKey = $"{name}-connect";
        builder.Services.AddHealthChecks().AddCheck(healthKey, new AmqpConnectCheck(resource.UriOf(administrator)));

        return builder.AddResource(resource)
            .WithArgs(ServiceAccount.Launch(Account, server).Prefix)
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in environment)
                {
                    context.EnvironmentVariables[key] = value;
                }
            })
            .WithEndpoint(port: settings.RabbitMqPort, targetPort: settings.RabbitMqPort, scheme: "amqp", name: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .OnBeforeResourceStarted((broker, _, _) =>
            {
                Prepare(directory, settings, broker.Accounts);
                return Task.CompletedTask;
            })
            .OnResourceReady((_, _, ct) => RemoveGuestAsync(settings, node, environment, ct));
    }

    /// <summary>
    /// Service <paramref name="service"/>'s own login (password generated once, in .llo/secrets), imported by the
    /// node at its next boot; returns the connection string the service uses.
    /// </summary>
    public static ReferenceExpression AddLogin(this IResourceBuilder<RabbitMqProcessResource> broker, string service, string secretsDirectory)
    {
        var account = new BrokerAccount(service, SecretFile.ReadOrCreate(Path.Combine(secretsDirectory, $"rabbitmq-{service}.password")));
        broker.Resource.Accounts.Add(account);
        return ReferenceExpression.Create($"{broker.Resource.UriOf(account)}");
    }

    private static void Prepare(string directory, LloSettings settings, IEnumerable<BrokerAccount> accounts)
    {
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        var plugins = Path.Combine(directory, "enabled_plugins");
        if (!File.Exists(plugins))
        {
            File.WriteAllText(plugins, "[].\n");
        }
        var definitions = Path.Combine(directory, "definitions.json");
        PrivateFile.Write(definitions, BrokerAccounts.Definitions(accounts));
        // Definitions imported at boot replace the default user: a new node never has guest.
        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{settings.RabbitMqPort}\nload_definitions = {definitions}\n");
        // For ./llo stop (eng/servers.sh): rabbitmqctl finds the node through this epmd.
        File.WriteAllText(Path.Combine(directory, "epmd.port"), settings.RabbitMqEpmdPort + "\n");
        ServiceAccount.Own(Account, directory);
    }

    // A node made before the platform had its own logins still has guest: remove it once.
    private static async Task RemoveGuestAsync(LloSettings settings, string node, Dictionary<string, string> environment, CancellationToken ct)
    {
        var marker = Path.Combine(environment["HOME"], "guest-removed");
        if (File.Exists(marker))
        {
            return;
        }
        var (exitCode, output) = await RabbitMqCtlAsync(settings, node, environment, ["delete_user", "guest"], ct);
        if (exitCode == 0 || output.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            await File.WriteAllTextAsync(marker, "", ct);
        }
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
        RabbitMqCtlAsync(settings, node, environment, ["stop"], CancellationToken.None).GetAwaiter().GetResult();
    }

    private static Task<(int ExitCode, string Output)> RabbitMqCtlAsync(
        LloSettings settings, string node, Dictionary<string, string> environment, string[] arguments, CancellationToken ct) =>
        ServiceAccount.RunAsync(Account, "/usr/bin/env",
            [.. environment.Select(pair => $"{pair.Key}={pair.Value}"), Path.Combine(settings.RabbitMqBin, "rabbitmqctl"), "-n", node, .. arguments],
            ct);
}

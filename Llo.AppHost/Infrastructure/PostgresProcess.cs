using Npgsql;

namespace Llo.AppHost.Infrastructure;

/// <summary>The machine's PostgreSQL 15 run by the app host, data under .llo/postgres.</summary>
public sealed class PostgresProcessResource(string name, string command, string workingDirectory, string connectionString, string secretsDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal string AdminConnectionString { get; } = connectionString;

    internal List<PostgresProcessDatabaseResource> Databases { get; } = [];

    /// <summary>Where the services' generated passwords are kept (.llo/secrets).</summary>
    internal string SecretsDirectory { get; } = secretsDirectory;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{AdminConnectionString}");
}

/// <summary>
/// A database on <see cref="PostgresProcessResource"/>, created once the server is ready, with its owner: the login
/// role of the same name that its connection string uses (<see cref="DatabaseOwner"/>).
/// </summary>
public sealed class PostgresProcessDatabaseResource(string name, string databaseName, PostgresProcessResource parent, string password)
    : Resource(name), IResourceWithParent<PostgresProcessResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    /// <summary>The login role that owns the database; named like it.</summary>
    public string Role => DatabaseName;

    internal string Password { get; } = password;

    public PostgresProcessResource Parent { get; } = parent;

    internal string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(parent.AdminConnectionString)
    {
        Username = databaseName,
        Password = password,
        Database = databaseName,
    }.ConnectionString;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ConnectionString}");
}

internal static class PostgresProcess
{
    private const string Account = "postgres";

    public static IResourceBuilder<PostgresProcessResource> AddPostgresProcess(
        this IDistributedApplicationBuilder builder, string name, LloSettings settings)
    {
        var postgres = Path.Combine(settings.PostgresBin, "postgres");
        Prerequisites.RequireFile(postgres, "PostgreSQL 15", "postgresql-15");

        var directory = Path.Combine(settings.StateDirectory, "postgres");
        var data = Path.Combine(directory, "data");
        var socket = Path.Combine(directory, "socket");
        StopLeftover(settings, data);
        Prerequisites.RequireFreePort(settings.PostgresPort, "PostgreSQL");

        var password = ReadOrCreatePassword(directory, data);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = settings.PostgresPort,
            Username = "postgres",
            Password = password,
        }.ConnectionString;

        var (command, prefix) = ServiceAccount.Launch(Account, postgres);
        var server = new PostgresProcessResource(name, command, directory, connectionString, Path.Combine(settings.StateDirectory, "secrets"));
        var healthKey = $"{name}-connect";
        builder.Services.AddHealthChecks().AddCheck(healthKey, new PostgresConnectCheck(Unpooled(connectionString, "postgres")));

        return builder.AddResource(server)
            .WithArgs([.. prefix, "-D", data, "-p", settings.PostgresPort.ToString(), "-k", socket, "-h", "127.0.0.1"])
            .WithEndpoint(port: settings.PostgresPort, targetPort: settings.PostgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .OnBeforeResourceStarted((resource, _, ct) => InitialiseAsync(settings, directory, data, socket, ct))
            .OnResourceReady((resource, @event, ct) => CreateDatabasesAsync(resource, @event.Services, ct));
    }

    public static IResourceBuilder<PostgresProcessDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresProcessResource> server, string name, string databaseName)
    {
        var password = SecretFile.ReadOrCreate(Path.Combine(server.Resource.SecretsDirectory, $"postgres-{databaseName}.password"));
        var database = new PostgresProcessDatabaseResource(name, databaseName, server.Resource, password);
        server.Resource.Databases.Add(database);
        var healthKey = $"{name}-connect";
        // Connects as the service will: healthy once its owner role can open its database.
        server.ApplicationBuilder.Services.AddHealthChecks()
            .AddCheck(healthKey, new PostgresConnectCheck(Unpooled(database.ConnectionString, databaseName)));
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, databaseName)],
            })
            .WithHealthCheck(healthKey);
    }

    // The app host's own connections are not pooled: an idle pooled connection would hold up
    // PostgreSQL's shutdown when the app host stops it.
    private static string Unpooled(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = false, Timeout = 3 }.ConnectionString;

    // The superuser's password: initdb reads it from this file, so it lives beside the data (owned by postgres).
    private static string ReadOrCreatePassword(string directory, string data)
    {
        var file = Path.Combine(directory, "password");
        if (!SecretFile.Exists(file) && File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            throw new PrerequisiteException(
                $"The PostgreSQL data in {data} has lost its password file: remove it with './llo reset' (deletes local data) and run again.");
        }
        return SecretFile.ReadOrCreate(file);
    }

    // A PostgreSQL left running by a killed app host holds the port and the data directory: stop it first.
    private static void StopLeftover(LloSettings settings, string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            || !LeftoverProcess.NamesDirectory(pid, data))
        {
            return; // no pid file, or a stale one whose number now belongs to another process
        }
        ServiceAccount.RunAsync(Account, Path.Combine(settings.PostgresBin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"], CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    private static async Task InitialiseAsync(LloSettings settings, string directory, string data, string socket, CancellationToken ct)
    {
        Directory.CreateDirectory(socket);
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            ServiceAccount.Own(Account, socket);
            return;
        }
        Directory.CreateDirectory(data);
        ServiceAccount.Own(Account, directory);
        var (exitCode, output) = await ServiceAccount.RunAsync(Account, Path.Combine(settings.PostgresBin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth-local=peer", "--auth-host=scram-sha-256",
             $"--pwfile={Path.Combine(directory, "password")}", "-E", "UTF8", "--locale=C.UTF-8"], ct);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL initdb failed for {data}: {output}");
        }
    }

    // Runs once the server is healthy. Databases are not processes, so Aspire gives them no state
    // of their own: they become Running here, and their health check (a connection) gates WaitFor.
    private static async Task CreateDatabasesAsync(PostgresProcessResource server, IServiceProvider services, CancellationToken ct)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in server.Databases)
        {
            await DatabaseOwner.EnsureAsync(server.AdminConnectionString, database.DatabaseName, database.Role, database.Password, ct);
            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
    }
}

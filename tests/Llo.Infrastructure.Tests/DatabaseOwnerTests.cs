using Llo.AppHost.Infrastructure;
using Llo.Testing;
using Npgsql;

namespace Llo.Infrastructure.Tests;

/// <summary>The app host's rule for a service's database login (Processes mode), on the test PostgreSQL.</summary>
public sealed class DatabaseOwnerTests : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _databases = [];

    [Fact]
    public async Task A_service_login_owns_its_database_is_no_superuser_and_cannot_open_another_services_database()
    {
        var (_, inventoryLogin) = await ServiceDatabaseAsync("inventory");
        var (identity, _) = await ServiceDatabaseAsync("identity");

        await using (var own = new NpgsqlConnection(inventoryLogin))
        {
            await own.OpenAsync();
            Assert.Equal(false, await ScalarAsync(own, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
            Assert.Equal(false, await ScalarAsync(own, "SELECT rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user"));
            // The owner migrates its own schema.
            await ExecuteAsync(own, "CREATE TABLE projects (id int PRIMARY KEY)");
            await ExecuteAsync(own, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
        }

        var elsewhere = new NpgsqlConnectionStringBuilder(inventoryLogin) { Database = identity }.ConnectionString;
        await using var foreign = new NpgsqlConnection(elsewhere);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => foreign.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task A_database_made_by_the_superuser_before_the_rule_is_handed_to_its_owner_with_its_tables()
    {
        var database = $"itest_legacy_{_suffix}";
        _databases.Add(database);
        await using (var admin = new NpgsqlConnection(TestServers.PostgresAdmin))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        }
        var asAdmin = new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = database, Pooling = false }.ConnectionString;
        await using (var admin = new NpgsqlConnection(asAdmin))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, "CREATE EXTENSION pg_trgm");
            await ExecuteAsync(admin, "CREATE SCHEMA messaging");
            await ExecuteAsync(admin, "CREATE TABLE messaging.outbox (id bigserial PRIMARY KEY, body text)");
            await ExecuteAsync(admin, "CREATE TABLE projects (id int GENERATED ALWAYS AS IDENTITY, title text)");
            await ExecuteAsync(admin, "CREATE VIEW project_titles AS SELECT title FROM projects");
            await ExecuteAsync(admin, "CREATE TYPE status AS ENUM ('draft', 'final')");
            await ExecuteAsync(admin, "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42'");
            await ExecuteAsync(admin, "INSERT INTO projects (title) VALUES ('Gaan voor een baan')");
        }

        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await DatabaseOwner.EnsureAsync(TestServers.PostgresAdmin, database, database, password, CancellationToken.None);
        // A second start changes nothing and does not fail.
        await DatabaseOwner.EnsureAsync(TestServers.PostgresAdmin, database, database, password, CancellationToken.None);

        await using var owner = new NpgsqlConnection(Login(database, password));
        await owner.OpenAsync();
        Assert.Equal("Gaan voor een baan", await ScalarAsync(owner, "SELECT title FROM project_titles"));
        await ExecuteAsync(owner, "ALTER TABLE projects ADD COLUMN version int NOT NULL DEFAULT 1");
        await ExecuteAsync(owner, "INSERT INTO projects (title) VALUES ('Leerwerkakkoord')");
        await ExecuteAsync(owner, "INSERT INTO messaging.outbox (body) VALUES ('{}')");
        await ExecuteAsync(owner, "ALTER TYPE status ADD VALUE 'archived'");
        Assert.Equal(42, await ScalarAsync(owner, "SELECT answer()"));
    }

    private async Task<(string Database, string ConnectionString)> ServiceDatabaseAsync(string service)
    {
        var database = $"itest_{service}_{_suffix}";
        _databases.Add(database);
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await DatabaseOwner.EnsureAsync(TestServers.PostgresAdmin, database, database, password, CancellationToken.None);
        return (database, Login(database, password));
    }

    private static string Login(string role, string password) =>
        new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin)
        {
            Username = role,
            Password = password,
            Database = role,
            Pooling = false,
        }.ConnectionString;

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(TestServers.PostgresAdmin);
        await admin.OpenAsync();
        foreach (var database in _databases)
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await ExecuteAsync(admin, $"DROP ROLE IF EXISTS \"{database}\"");
        }
    }
}

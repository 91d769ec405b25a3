using System.Security.Cryptography;
using Npgsql;

namespace Llo.Testing;

/// <summary>
/// A fresh, empty database on the test PostgreSQL cluster, dropped when disposed, with its own login: as in the app
/// host, a role of the same name that owns the database and nothing else (no superuser; other roles may not connect).
/// <see cref="ConnectionString"/> and <see cref="DataSource"/> log in as that owner, as the service would.
/// Use one per test class (as an xunit class fixture) so test classes never see each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using (var admin = new NpgsqlConnection(TestServers.PostgresAdmin))
        {
            await admin.OpenAsync();
            foreach (var statement in new[]
            {
                $"CREATE ROLE \"{Name}\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'",
                $"CREATE DATABASE \"{Name}\" OWNER \"{Name}\"",
                $"REVOKE ALL ON DATABASE \"{Name}\" FROM PUBLIC",
            })
            {
                await using var command = new NpgsqlCommand(statement, admin);
                await command.ExecuteNonQueryAsync();
            }
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin)
        {
            Database = Name,
            Username = Name,
            Password = password,
        }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServers.PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        await using var dropRole = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{Name}\"", admin);
        await dropRole.ExecuteNonQueryAsync();
    }
}

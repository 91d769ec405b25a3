using System.Reflection;
using Llo.Messaging;
using Npgsql;

namespace Llo.Inventory.Api.Persistence;

/// <summary>
/// Owns the inventory's schema: applies the embedded <c>Persistence/Schema/*.sql</c> scripts in name order,
/// each once, before the service takes requests. An advisory lock keeps two starting instances apart.
/// The messaging outbox/inbox tables come first; <see cref="SchemaReadiness"/> turns healthy when all is applied.
/// </summary>
public sealed class SchemaInitializer(NpgsqlDataSource dataSource, SchemaReadiness readiness, ILogger<SchemaInitializer> logger) : IHostedService
{
    private const long AdvisoryLockKey = 0x4c4c4f5f494e56; // "LLO_INV"
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartupDeadline;
        while (true)
        {
            try
            {
                await MessagingSchema.EnsureAsync(dataSource, cancellationToken);
                await ApplyAsync(cancellationToken);
                readiness.MarkReady();
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                // The database may still be starting (it is its own resource in the app host).
                logger.LogWarning("Inventory database not reachable yet ({Reason}); retrying", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            foreach (var (name, sql) in EmbeddedScripts())
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE name = @name", connection, transaction);
                check.Parameters.AddWithValue("name", name);
                if (await check.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    continue;
                }

                await using (var apply = new NpgsqlCommand(sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (name) VALUES (@name)", connection, transaction);
                record.Parameters.AddWithValue("name", name);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema script {Script}", name);
            }
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<(string Name, string Sql)> EmbeddedScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Llo.Inventory.Api.Persistence.Schema.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[prefix.Length..], reader.ReadToEnd());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

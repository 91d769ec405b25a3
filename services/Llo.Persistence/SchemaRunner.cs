using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Llo.Persistence;

/// <summary>
/// Applies schema scripts to one database, each once, in the order given, and journals name, checksum and moment in
/// <c>schema_migrations</c>. Every applied script is checked against its checksum first: one that changed stops
/// everything before anything new is applied. A session advisory lock keeps concurrent runners (two starting instances,
/// a test next to a host) apart; advisory locks are per database, so one key serves every service.
/// </summary>
public static class SchemaRunner
{
    private const long AdvisoryLockKey = 0x4c4c4f5f534348; // "LLO_SCH"

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, IReadOnlyList<SchemaScript> scripts, ILogger? logger = null, CancellationToken ct = default)
    {
        logger ??= NullLogger.Instance;
        var duplicate = scripts.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two schema scripts are both named {duplicate.Key}.");
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            // The old runner kept (name, applied_at); its rows get their checksum on the first run of this one.
            await connection.ExecuteAsync(new CommandDefinition("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now());
                ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text NULL;
                """, cancellationToken: ct));
            var journal = (await connection.QueryAsync<(string Name, string? Checksum)>(
                    new CommandDefinition("SELECT name, checksum FROM schema_migrations", cancellationToken: ct)))
                .ToDictionary(r => r.Name, r => r.Checksum);

            var changed = scripts.Where(s => journal.TryGetValue(s.Name, out var sum) && sum is not null && sum != s.Checksum).Select(s => s.Name).ToList();
            if (changed.Count > 0)
            {
                throw new SchemaChangedException(changed);
            }

            foreach (var script in scripts.Where(s => journal.TryGetValue(s.Name, out var sum) && sum is null))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE schema_migrations SET checksum = @Checksum WHERE name = @Name", script, cancellationToken: ct));
            }

            foreach (var script in scripts.Where(s => !journal.ContainsKey(s.Name)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                // Sent as it is, like psql would: the text is not a template for parameters.
                await using (var apply = new NpgsqlCommand(script.Sql, connection, tx))
                {
                    await apply.ExecuteNonQueryAsync(ct);
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (name, checksum) VALUES (@Name, @Checksum)", script, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied schema script {Script}", script.Name);
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }));
        }
    }
}

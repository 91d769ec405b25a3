using Npgsql;

namespace Llo.Bench.Faults;

/// <summary>After the run: what the inventory's database holds of this run (its projects by title) and its outbox.</summary>
internal static class StoredProjects
{
    public sealed record Stored(Guid Id, string Title);

    public sealed record OutboxState(long Unsent, long Parked);

    /// <summary>The run's projects; tries for a minute, since the database may still be recovering from its kill.</summary>
    public static async Task<List<Stored>> ReadAsync(string connectionString, string titlePrefix, CancellationToken ct)
    {
        return await WithRetriesAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT id, title FROM projects WHERE starts_with(title, @prefix)", connection);
            command.Parameters.AddWithValue("prefix", titlePrefix);
            var projects = new List<Stored>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) projects.Add(new Stored(reader.GetGuid(0), reader.GetString(1)));
            return projects;
        }, connectionString, ct);
    }

    public static async Task<OutboxState> OutboxAsync(string connectionString, CancellationToken ct)
    {
        return await WithRetriesAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL AND sent_at IS NULL) FROM messaging_outbox",
                connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new OutboxState(reader.GetInt64(0), reader.GetInt64(1));
        }, connectionString, ct);
    }

    private static async Task<T> WithRetriesAsync<T>(Func<NpgsqlConnection, Task<T>> query, string connectionString, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                return await query(connection);
            }
            catch (NpgsqlException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}

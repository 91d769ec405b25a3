using Llo.Testing;
using Npgsql;

namespace Llo.Inventory.Tests.Infrastructure;

/// <summary>
/// Puts projects straight into the <c>projects</c> table, so the agenda, desk, scaling and blind-spot tests do not
/// depend on the projects API they are not about. Enum values in the table's domain spelling ("SchoolToWork", "Pilot").
/// </summary>
public static class ProjectRows
{
    public static async Task<Guid> InsertAsync(
        TestDatabase database,
        string title,
        string status = "Pilot",
        string[]? focusLines = null,
        string[]? sectors = null,
        string? campus = null,
        string[]? municipalities = null,
        bool archived = false,
        Guid? owner = null)
    {
        var id = Guid.NewGuid();
        await using var command = database.DataSource.CreateCommand(
            """
            INSERT INTO projects (id, title, status, focus_lines, sectors, campus, municipalities, archived, owner_organisation)
            VALUES (@id, @title, @status, @focus_lines, @sectors, @campus, @municipalities, @archived, @owner)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("focus_lines", focusLines ?? ["SchoolToWork"]);
        command.Parameters.AddWithValue("sectors", sectors ?? []);
        command.Parameters.AddWithValue("campus", (object?)campus ?? DBNull.Value);
        command.Parameters.AddWithValue("municipalities", municipalities ?? []);
        command.Parameters.AddWithValue("archived", archived);
        command.Parameters.AddWithValue("owner", (object?)owner ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    public static async Task<(string Status, long Version)> StatusAsync(TestDatabase database, Guid id)
    {
        await using var command = database.DataSource.CreateCommand("SELECT status, version FROM projects WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetInt64(1));
    }

    public static async Task<long> CountAsync(TestDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The JSON payloads of outbox rows of one event type, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> OutboxAsync(TestDatabase database, string type)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT payload::text FROM messaging_outbox WHERE type = @type ORDER BY position");
        command.Parameters.AddWithValue("type", type);
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(reader.GetString(0));
        }

        return payloads;
    }
}

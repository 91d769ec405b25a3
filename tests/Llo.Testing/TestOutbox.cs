using System.Text.Json;
using Npgsql;

namespace Llo.Testing;

/// <summary>What a hosted service put into its own outbox, read straight from its database.</summary>
public static class TestOutbox
{
    /// <summary>
    /// The payload of the first outbox row of <paramref name="type"/> whose top-level <paramref name="field"/> is
    /// <paramref name="value"/>, waiting up to a minute for the service's consumer to write it.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(NpgsqlDataSource database, string type, string field, string value)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var command = database.CreateCommand(
                "SELECT payload::text FROM messaging_outbox WHERE type = @type AND payload->>@field = @value ORDER BY position LIMIT 1");
            command.Parameters.AddWithValue("type", type);
            command.Parameters.AddWithValue("field", field);
            command.Parameters.AddWithValue("value", value);
            if (await command.ExecuteScalarAsync() is string payload)
            {
                return JsonDocument.Parse(payload).RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {type} with {field} {value} in the outbox within a minute.");
            await Task.Delay(200);
        }
    }
}

using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Npgsql;

namespace Llo.Inventory.Api.Agenda;

/// <summary>Reads and writes <c>agenda_items</c> and their project links with plain SQL.</summary>
public static class AgendaStore
{
    private const string Columns = """
        a.id, a.title, a.date, a.start_time, a.end_time, a.place, a.organiser, a.topic, a.description, a.focus_line,
        a.municipality, a.public, a.created_at, a.updated_at,
        ARRAY(SELECT p.project_id FROM agenda_item_projects p WHERE p.agenda_item_id = a.id ORDER BY p.project_id), a.version
        """;

    /// <summary>The ids among <paramref name="projectIds"/> that are not in the inventory.</summary>
    public static async Task<IReadOnlyList<Guid>> MissingProjectsAsync(NpgsqlConnection connection, IReadOnlyList<Guid> projectIds, CancellationToken ct)
    {
        if (projectIds.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT id FROM projects WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", projectIds.ToArray());
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetGuid(0));
        }

        return projectIds.Where(id => !found.Contains(id)).ToList();
    }

    public static async Task<StoredAgendaItem?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM agenda_items a WHERE a.id = @id{(forUpdate ? " FOR UPDATE" : "")}", connection, tx);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Inserts the item and its links; false when its id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO agenda_items (id, title, date, start_time, end_time, place, organiser, topic, description,
                                      focus_line, municipality, public, created_at, updated_at, version)
            VALUES (@id, @title, @date, @start_time, @end_time, @place, @organiser, @topic, @description,
                    @focus_line, @municipality, @public, @created_at, @updated_at, @version)
            ON CONFLICT (id) DO NOTHING
            """, tx.Connection, tx);
        Bind(command, item);
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            return false;
        }

        await LinkProjectsAsync(tx, item, ct);
        return true;
    }

    /// <summary>Replaces the fields, version and links of an item read FOR UPDATE in the same transaction.</summary>
    public static async Task UpdateAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE agenda_items SET title = @title, date = @date, start_time = @start_time, end_time = @end_time,
                place = @place, organiser = @organiser, topic = @topic, description = @description,
                focus_line = @focus_line, municipality = @municipality, public = @public, updated_at = @updated_at,
                version = @version
            WHERE id = @id
            """, tx.Connection, tx);
        Bind(command, item);
        await command.ExecuteNonQueryAsync(ct);

        await using (var unlink = new NpgsqlCommand("DELETE FROM agenda_item_projects WHERE agenda_item_id = @id", tx.Connection, tx))
        {
            unlink.Parameters.AddWithValue("id", item.Id);
            await unlink.ExecuteNonQueryAsync(ct);
        }

        await LinkProjectsAsync(tx, item, ct);
    }

    public static async Task DeleteAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM agenda_items WHERE id = @id", tx.Connection, tx);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One page of the agenda in date and time order, and the number of items matching the filter.</summary>
    public static async Task<(IReadOnlyList<StoredAgendaItem> Items, int Total)> ListAsync(
        NpgsqlConnection connection, AgendaFilter filter, Page page, CancellationToken ct)
    {
        var conditions = new List<string>();
        await using var command = new NpgsqlCommand { Connection = connection };
        void Where(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (!filter.IncludeNonPublic)
        {
            conditions.Add("a.public");
        }

        if (filter.From is { } from) Where("a.date >= @from", "from", from);
        if (filter.To is { } to) Where("a.date <= @to", "to", to);
        if (filter.Organiser is { } organiser) Where("a.organiser ILIKE @organiser", "organiser", TextField.ContainsPattern(organiser));
        if (filter.FocusLine is { } focusLine) Where("a.focus_line = @focus_line", "focus_line", focusLine.ToString());
        if (filter.Municipality is { } municipality) Where("a.municipality = @municipality", "municipality", municipality);
        if (filter.ProjectId is { } projectId)
            Where("EXISTS (SELECT 1 FROM agenda_item_projects p WHERE p.agenda_item_id = a.id AND p.project_id = @project)", "project", projectId);
        if (filter.Query is { } q) Where("a.search @@ plainto_tsquery('dutch', @q)", "q", q);

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"""
            SELECT {Columns}, count(*) OVER () FROM agenda_items a {where}
            ORDER BY a.date, a.start_time, a.title, a.id
            OFFSET @offset LIMIT @limit
            """;
        command.Parameters.AddWithValue("offset", page.Offset);
        command.Parameters.AddWithValue("limit", page.Size);

        var items = new List<StoredAgendaItem>();
        long totalOnRows = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                items.Add(Read(reader));
                totalOnRows = reader.GetInt64(16);
            }
        }

        var total = await page.TotalAsync(items.Count, totalOnRows, async () =>
        {
            command.CommandText = $"SELECT count(*) FROM agenda_items a {where}";
            return (long)(await command.ExecuteScalarAsync(ct))!;
        });
        return (items, total);
    }

    private static async Task LinkProjectsAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct)
    {
        if (item.Item.ProjectIds.Count == 0)
        {
            return;
        }

        await using var link = new NpgsqlCommand(
            "INSERT INTO agenda_item_projects (agenda_item_id, project_id) SELECT @id, unnest(@projects)", tx.Connection, tx);
        link.Parameters.AddWithValue("id", item.Id);
        link.Parameters.AddWithValue("projects", item.Item.ProjectIds.ToArray());
        await link.ExecuteNonQueryAsync(ct);
    }

    private static void Bind(NpgsqlCommand command, StoredAgendaItem stored)
    {
        var item = stored.Item;
        var p = command.Parameters;
        p.AddWithValue("id", stored.Id);
        p.AddWithValue("title", item.Title);
        p.AddWithValue("date", item.Date);
        p.AddWithValue("start_time", item.Start);
        p.AddWithValue("end_time", item.End);
        p.AddWithValue("place", item.Place);
        p.AddWithValue("organiser", item.Organiser);
        p.AddWithValue("topic", item.Topic);
        p.AddWithValue("description", item.Description);
        p.AddWithValue("focus_line", (object?)item.FocusLine?.ToString() ?? DBNull.Value);
        p.AddWithValue("municipality", (object?)item.Municipality ?? DBNull.Value);
        p.AddWithValue("public", item.Public);
        p.AddWithValue("created_at", stored.CreatedAt);
        p.AddWithValue("updated_at", stored.UpdatedAt);
        p.AddWithValue("version", stored.Version);
    }

    private static StoredAgendaItem Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        new AgendaItemInput(
            Title: reader.GetString(1),
            Date: reader.GetFieldValue<DateOnly>(2),
            Start: reader.GetFieldValue<TimeOnly>(3),
            End: reader.GetFieldValue<TimeOnly>(4),
            Place: reader.GetString(5),
            Organiser: reader.GetString(6),
            Topic: reader.GetString(7),
            Description: reader.GetString(8),
            ProjectIds: reader.GetFieldValue<Guid[]>(14),
            FocusLine: reader.IsDBNull(9) ? null : Enum.Parse<FocusLine>(reader.GetString(9)),
            Municipality: reader.IsDBNull(10) ? null : reader.GetString(10),
            Public: reader.GetBoolean(11)),
        reader.GetInt64(15),
        reader.GetFieldValue<DateTimeOffset>(12),
        reader.GetFieldValue<DateTimeOffset>(13));
}

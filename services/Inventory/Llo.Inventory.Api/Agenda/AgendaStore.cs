using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Llo.Persistence;
using Npgsql;

namespace Llo.Inventory.Api.Agenda;

/// <summary>Reads and writes <c>agenda_items</c> and their project links; rows are read by column name.</summary>
public static class AgendaStore
{
    private const string Columns = """
        a.id, a.title, a.date, a.start_time, a.end_time, a.place, a.organiser, a.topic, a.description, a.focus_line,
        a.municipality, a.public, a.created_at, a.updated_at, a.version, a.owner_organisation,
        ARRAY(SELECT p.project_id FROM agenda_item_projects p WHERE p.agenda_item_id = a.id ORDER BY p.project_id) AS project_ids
        """;

    /// <summary>The ids among <paramref name="projectIds"/> that are not in the inventory.</summary>
    public static async Task<IReadOnlyList<Guid>> MissingProjectsAsync(NpgsqlConnection connection, IReadOnlyList<Guid> projectIds, CancellationToken ct)
    {
        if (projectIds.Count == 0)
        {
            return [];
        }

        var found = await Rows.QueryAsync<Guid>(connection, null, "SELECT id FROM projects WHERE id = ANY(@ids)", new { ids = projectIds.ToArray() }, ct);
        return projectIds.Except(found).ToList();
    }

    public static async Task<StoredAgendaItem?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM agenda_items a WHERE a.id = @id", new { id }, ct))?.ToStored();

    /// <summary>The item locked for the rest of <paramref name="tx"/>, or null.</summary>
    public static async Task<StoredAgendaItem?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM agenda_items a WHERE a.id = @id", new { id }, ct))?.ToStored();

    /// <summary>Inserts the item and its links; false when its id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct)
    {
        var inserted = await Rows.ExecuteAsync(tx, """
            INSERT INTO agenda_items (id, title, date, start_time, end_time, place, organiser, topic, description,
                                      focus_line, municipality, public, created_at, updated_at, version, owner_organisation)
            VALUES (@Id, @Title, @Date, @StartTime, @EndTime, @Place, @Organiser, @Topic, @Description,
                    @FocusLine, @Municipality, @Public, @CreatedAt, @UpdatedAt, @Version, @OwnerOrganisation)
            ON CONFLICT (id) DO NOTHING
            """, Row.From(item), ct);
        if (inserted == 0)
        {
            return false;
        }

        await LinkProjectsAsync(tx, item, ct);
        return true;
    }

    /// <summary>Replaces the fields, version and links of an item locked in the same transaction.</summary>
    public static async Task UpdateAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct)
    {
        await Rows.ExecuteAsync(tx, """
            UPDATE agenda_items SET title = @Title, date = @Date, start_time = @StartTime, end_time = @EndTime,
                place = @Place, organiser = @Organiser, topic = @Topic, description = @Description,
                focus_line = @FocusLine, municipality = @Municipality, public = @Public, updated_at = @UpdatedAt,
                version = @Version
            WHERE id = @Id
            """, Row.From(item), ct);
        await Rows.ExecuteAsync(tx, "DELETE FROM agenda_item_projects WHERE agenda_item_id = @Id", new { item.Id }, ct);
        await LinkProjectsAsync(tx, item, ct);
    }

    public static Task DeleteAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "DELETE FROM agenda_items WHERE id = @id", new { id }, ct);

    /// <summary>One page of the agenda in date and time order, and the number of items matching the filter.</summary>
    public static async Task<(IReadOnlyList<StoredAgendaItem> Items, int Total)> ListAsync(
        NpgsqlConnection connection, AgendaFilter filter, Page page, CancellationToken ct)
    {
        var query = new ListQuery("agenda_items a");
        if (!filter.IncludeNonPublic) query.Filter("a.public");
        if (filter.From is { } from) query.Filter("a.date >= @from", "from", from);
        if (filter.To is { } to) query.Filter("a.date <= @to", "to", to);
        if (filter.Organiser is { } organiser) query.Filter("a.organiser ILIKE @organiser", "organiser", TextField.ContainsPattern(organiser));
        if (filter.FocusLine is { } focusLine) query.Filter("a.focus_line = @focus_line", "focus_line", focusLine.ToString());
        if (filter.Municipality is { } municipality) query.Filter("a.municipality = @municipality", "municipality", municipality);
        if (filter.ProjectId is { } projectId)
            query.Filter("EXISTS (SELECT 1 FROM agenda_item_projects p WHERE p.agenda_item_id = a.id AND p.project_id = @project)", "project", projectId);
        if (filter.Query is { } q) query.Filter("a.search @@ plainto_tsquery('dutch', @q)", "q", q);

        var result = await query.PageAsync<Row>(connection, Columns, "a.date, a.start_time, a.title, a.id", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    private static Task LinkProjectsAsync(NpgsqlTransaction tx, StoredAgendaItem item, CancellationToken ct) =>
        item.Item.ProjectIds.Count == 0
            ? Task.CompletedTask
            : Rows.ExecuteAsync(tx, "INSERT INTO agenda_item_projects (agenda_item_id, project_id) SELECT @id, unnest(@projects)",
                new { id = item.Id, projects = item.Item.ProjectIds.ToArray() }, ct);

    /// <summary>An <c>agenda_items</c> row as its columns name it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public DateOnly Date { get; init; }
        public TimeOnly StartTime { get; init; }
        public TimeOnly EndTime { get; init; }
        public string Place { get; init; } = "";
        public string Organiser { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Description { get; init; } = "";
        public FocusLine? FocusLine { get; init; }
        public string? Municipality { get; init; }
        public bool Public { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public long Version { get; init; }
        public Guid[] ProjectIds { get; init; } = [];
        public Guid? OwnerOrganisation { get; init; }

        public static object From(StoredAgendaItem s) => new
        {
            s.Id, s.Item.Title, s.Item.Date, StartTime = s.Item.Start, EndTime = s.Item.End, s.Item.Place, s.Item.Organiser,
            s.Item.Topic, s.Item.Description, FocusLine = s.Item.FocusLine?.ToString(), s.Item.Municipality, s.Item.Public,
            s.CreatedAt, s.UpdatedAt, s.Version, OwnerOrganisation = s.Owner,
        };

        public StoredAgendaItem ToStored() => new(
            Id,
            new AgendaItemInput(Title, Date, StartTime, EndTime, Place, Organiser, Topic, Description, ProjectIds, FocusLine, Municipality, Public),
            Version, CreatedAt, UpdatedAt, OwnerOrganisation);
    }
}

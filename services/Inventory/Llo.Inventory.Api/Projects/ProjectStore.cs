using System.Text.Json;
using System.Text.Json.Serialization;
using Llo.Inventory.Domain.Projects;
using Npgsql;
using NpgsqlTypes;

namespace Llo.Inventory.Api.Projects;

/// <summary>Reads and writes the <c>projects</c> table with plain SQL. Writes take the caller's transaction.</summary>
public static class ProjectStore
{
    public const string Columns = """
        id, title, summary, description, focus_lines, themes, sectors, target_groups, campus, municipalities, partners,
        status, start_date, end_date, budget_estimate, contact, results, lessons_learned, links, archived, version,
        created_at, updated_at
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<StoredProject?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM projects WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", connection, tx);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Inserts the project; false when its id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredProject project, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO projects ({Columns})
            VALUES (@id, @title, @summary, @description, @focus_lines, @themes, @sectors, @target_groups, @campus,
                    @municipalities, @partners, @status, @start_date, @end_date, @budget_estimate, @contact, @results,
                    @lessons_learned, @links, @archived, @version, @created_at, @updated_at)
            ON CONFLICT (id) DO NOTHING
            """, tx.Connection, tx);
        Bind(command, project);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Writes every column of a project read FOR UPDATE in the same transaction.</summary>
    public static async Task UpdateAsync(NpgsqlTransaction tx, StoredProject project, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE projects SET title = @title, summary = @summary, description = @description, focus_lines = @focus_lines,
                themes = @themes, sectors = @sectors, target_groups = @target_groups, campus = @campus,
                municipalities = @municipalities, partners = @partners, status = @status, start_date = @start_date,
                end_date = @end_date, budget_estimate = @budget_estimate, contact = @contact, results = @results,
                lessons_learned = @lessons_learned, links = @links, archived = @archived, version = @version,
                updated_at = @updated_at
            WHERE id = @id
            """, tx.Connection, tx);
        Bind(command, project);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static StoredProject Read(NpgsqlDataReader reader)
    {
        var data = new ProjectData(
            Title: reader.GetString(1),
            Summary: reader.GetString(2),
            Description: reader.GetString(3),
            FocusLines: reader.GetFieldValue<string[]>(4).Select(Enum.Parse<FocusLine>).ToList(),
            Themes: reader.GetFieldValue<string[]>(5).Select(Enum.Parse<Theme>).ToList(),
            Sectors: reader.GetFieldValue<string[]>(6),
            TargetGroups: reader.GetFieldValue<string[]>(7),
            Campus: reader.IsDBNull(8) ? null : reader.GetString(8),
            Municipalities: reader.GetFieldValue<string[]>(9),
            Partners: JsonSerializer.Deserialize<List<ProjectPartner>>(reader.GetString(10), Json) ?? [],
            Status: Enum.Parse<ProjectStatus>(reader.GetString(11)),
            StartDate: reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
            EndDate: reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13),
            BudgetEstimate: reader.IsDBNull(14) ? null : reader.GetDecimal(14),
            Contact: reader.IsDBNull(15) ? null : JsonSerializer.Deserialize<ProjectContact>(reader.GetString(15), Json),
            Results: reader.GetString(16),
            LessonsLearned: reader.GetString(17),
            Links: JsonSerializer.Deserialize<List<ProjectLink>>(reader.GetString(18), Json) ?? []);
        return new StoredProject(
            reader.GetGuid(0), data, reader.GetInt64(20), reader.GetBoolean(19),
            reader.GetFieldValue<DateTimeOffset>(21), reader.GetFieldValue<DateTimeOffset>(22));
    }

    private static void Bind(NpgsqlCommand command, StoredProject project)
    {
        var d = project.Data;
        var p = command.Parameters;
        p.AddWithValue("id", project.Id);
        p.AddWithValue("title", d.Title);
        p.AddWithValue("summary", d.Summary);
        p.AddWithValue("description", d.Description);
        p.AddWithValue("focus_lines", d.FocusLines.Select(f => f.ToString()).ToArray());
        p.AddWithValue("themes", d.Themes.Select(t => t.ToString()).ToArray());
        p.AddWithValue("sectors", d.Sectors.ToArray());
        p.AddWithValue("target_groups", d.TargetGroups.ToArray());
        p.AddWithValue("campus", NpgsqlDbType.Text, (object?)d.Campus ?? DBNull.Value);
        p.AddWithValue("municipalities", d.Municipalities.ToArray());
        p.AddWithValue("partners", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(d.Partners, Json));
        p.AddWithValue("status", d.Status.ToString());
        p.AddWithValue("start_date", NpgsqlDbType.Date, d.StartDate is { } start ? start : DBNull.Value);
        p.AddWithValue("end_date", NpgsqlDbType.Date, d.EndDate is { } end ? end : DBNull.Value);
        p.AddWithValue("budget_estimate", NpgsqlDbType.Numeric, d.BudgetEstimate is { } budget ? budget : DBNull.Value);
        p.AddWithValue("contact", NpgsqlDbType.Jsonb, d.Contact is null ? DBNull.Value : JsonSerializer.Serialize(d.Contact, Json));
        p.AddWithValue("results", d.Results);
        p.AddWithValue("lessons_learned", d.LessonsLearned);
        p.AddWithValue("links", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(d.Links, Json));
        p.AddWithValue("archived", project.Archived);
        p.AddWithValue("version", project.Version);
        p.AddWithValue("created_at", project.CreatedAt);
        p.AddWithValue("updated_at", project.UpdatedAt);
    }
}

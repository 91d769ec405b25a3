using System.Text.Json;
using System.Text.Json.Serialization;
using Llo.Inventory.Domain.Projects;
using Llo.Persistence;
using Npgsql;

namespace Llo.Inventory.Api.Projects;

/// <summary>Reads and writes the <c>projects</c> table; rows are read by column name. Writes take the caller's transaction.</summary>
public static class ProjectStore
{
    public const string Columns = """
        id, title, summary, description, focus_lines, themes, sectors, target_groups, campus, municipalities, partners,
        status, start_date, end_date, budget_estimate, contact, results, lessons_learned, links, archived, version,
        created_at, updated_at, owner_organisation
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    static ProjectStore() => UseJsonColumns();

    /// <summary>
    /// Tells Dapper how the jsonb columns read and write. Dapper looks handlers up when it first maps a row type, so every
    /// reader of project rows outside this class (the search) calls this before its first query; calling again is harmless.
    /// </summary>
    public static void UseJsonColumns()
    {
        Rows.UseJsonb<List<ProjectPartner>>(Json);
        Rows.UseJsonb<List<ProjectLink>>(Json);
        Rows.UseJsonb<ProjectContact>(Json);
    }

    public static async Task<StoredProject?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM projects WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>The project locked for the rest of <paramref name="tx"/>, or null.</summary>
    /// <summary>The projects of <paramref name="ids"/> that are not archived (the overlap index reads its changed rows so).</summary>
    public static async Task<IReadOnlyList<StoredProject>> FindActiveAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM projects WHERE id = ANY (@ids) AND NOT archived", new { ids }, ct))
            .Select(row => row.ToStored()).ToList();

    public static async Task<StoredProject?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM projects WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>Inserts the project; false when its id exists already (demo seeding relies on that).</summary>
    public static async Task<bool> InsertAsync(NpgsqlTransaction tx, StoredProject project, CancellationToken ct) =>
        await Rows.ExecuteAsync(tx, $"""
            INSERT INTO projects ({Columns})
            VALUES (@Id, @Title, @Summary, @Description, @FocusLines, @Themes, @Sectors, @TargetGroups, @Campus,
                    @Municipalities, @Partners, @Status, @StartDate, @EndDate, @BudgetEstimate, @Contact, @Results,
                    @LessonsLearned, @Links, @Archived, @Version, @CreatedAt, @UpdatedAt, @OwnerOrganisation)
            ON CONFLICT (id) DO NOTHING
            """, Row.From(project), ct) == 1;

    /// <summary>Writes every column of a project locked in the same transaction.</summary>
    public static Task UpdateAsync(NpgsqlTransaction tx, StoredProject project, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, """
            UPDATE projects SET title = @Title, summary = @Summary, description = @Description, focus_lines = @FocusLines,
                themes = @Themes, sectors = @Sectors, target_groups = @TargetGroups, campus = @Campus,
                municipalities = @Municipalities, partners = @Partners, status = @Status, start_date = @StartDate,
                end_date = @EndDate, budget_estimate = @BudgetEstimate, contact = @Contact, results = @Results,
                lessons_learned = @LessonsLearned, links = @Links, archived = @Archived, version = @Version,
                updated_at = @UpdatedAt
            WHERE id = @Id
            """, Row.From(project), ct);

    /// <summary>A <c>projects</c> row as its columns name it; enums are stored by name.</summary>
    public class Row
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string Description { get; init; } = "";
        public string[] FocusLines { get; init; } = [];
        public string[] Themes { get; init; } = [];
        public string[] Sectors { get; init; } = [];
        public string[] TargetGroups { get; init; } = [];
        public string? Campus { get; init; }
        public string[] Municipalities { get; init; } = [];
        public List<ProjectPartner> Partners { get; init; } = [];
        public ProjectStatus Status { get; init; }
        public DateOnly? StartDate { get; init; }
        public DateOnly? EndDate { get; init; }
        public decimal? BudgetEstimate { get; init; }
        public ProjectContact? Contact { get; init; }
        public string Results { get; init; } = "";
        public string LessonsLearned { get; init; } = "";
        public List<ProjectLink> Links { get; init; } = [];
        public bool Archived { get; init; }
        public long Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public Guid? OwnerOrganisation { get; init; }

        public static object From(StoredProject p) => new
        {
            p.Id, p.Data.Title, p.Data.Summary, p.Data.Description,
            FocusLines = p.Data.FocusLines.Select(f => f.ToString()).ToArray(),
            Themes = p.Data.Themes.Select(t => t.ToString()).ToArray(),
            Sectors = p.Data.Sectors.ToArray(), TargetGroups = p.Data.TargetGroups.ToArray(), p.Data.Campus,
            Municipalities = p.Data.Municipalities.ToArray(), Partners = p.Data.Partners.ToList(), Status = p.Data.Status.ToString(),
            p.Data.StartDate, p.Data.EndDate, p.Data.BudgetEstimate, p.Data.Contact, p.Data.Results, p.Data.LessonsLearned,
            Links = p.Data.Links.ToList(), p.Archived, p.Version, p.CreatedAt, p.UpdatedAt, OwnerOrganisation = p.Owner,
        };

        public StoredProject ToStored() => new(
            Id,
            new ProjectData(Title, Summary, Description, FocusLines.Select(Enum.Parse<FocusLine>).ToList(), Themes.Select(Enum.Parse<Theme>).ToList(),
                Sectors, TargetGroups, Campus, Municipalities, Partners, Status, StartDate, EndDate, BudgetEstimate, Contact,
                Results, LessonsLearned, Links),
            Version, Archived, CreatedAt, UpdatedAt, OwnerOrganisation);
    }
}

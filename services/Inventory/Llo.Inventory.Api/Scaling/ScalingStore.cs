using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Domain.Scaling;
using Llo.Persistence;
using Npgsql;

namespace Llo.Inventory.Api.Scaling;

/// <summary>Reads and writes <c>scaling_proposals</c>, and the few project columns a decision touches; rows are read by column name.</summary>
public static class ScalingStore
{
    private const string Columns = """
        id, project_id, results, costs, conditions, municipalities, proposed_by, proposed_at, decision, decided_on, reason, decided_at
        """;

    public sealed class ProjectState
    {
        public ProjectStatus Status { get; init; }
        public bool Archived { get; init; }
        public long Version { get; init; }
        public Guid? OwnerOrganisation { get; init; }
    }

    public static Task<ProjectState?> LockProjectAsync(NpgsqlTransaction tx, Guid projectId, CancellationToken ct) =>
        Rows.FindForUpdateAsync<ProjectState>(tx, "SELECT status, archived, version, owner_organisation FROM projects WHERE id = @projectId", new { projectId }, ct);

    public static async Task<bool> ProjectExistsAsync(NpgsqlConnection connection, Guid projectId, CancellationToken ct) =>
        await Rows.FindAsync<int?>(connection, null, "SELECT 1 FROM projects WHERE id = @projectId", new { projectId }, ct) is not null;

    /// <summary>Sets the project's status, bumps its version and returns the new version.</summary>
    public static async Task<long> SetProjectStatusAsync(NpgsqlTransaction tx, Guid projectId, ProjectStatus status, DateTimeOffset now, CancellationToken ct) =>
        await Rows.FindAsync<long>(tx.Connection!, tx,
            "UPDATE projects SET status = @status, version = version + 1, updated_at = @now WHERE id = @projectId RETURNING version",
            new { projectId, status = status.ToString(), now }, ct);

    public static async Task<bool> HasPendingAsync(NpgsqlTransaction tx, Guid projectId, CancellationToken ct) =>
        await Rows.FindAsync<int?>(tx.Connection!, tx, "SELECT 1 FROM scaling_proposals WHERE project_id = @projectId AND decision IS NULL LIMIT 1",
            new { projectId }, ct) is not null;

    public static Task InsertAsync(NpgsqlTransaction tx, StoredScalingProposal p, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, $"""
            INSERT INTO scaling_proposals ({Columns})
            VALUES (@Id, @ProjectId, @Results, @Costs, @Conditions, @Municipalities, @ProposedBy, @ProposedAt, NULL, NULL, NULL, NULL)
            """, new
        {
            p.Id, p.ProjectId, p.Assessment.Results, p.Assessment.Costs, p.Assessment.Conditions,
            Municipalities = p.Assessment.Municipalities.ToArray(), p.Assessment.ProposedBy, p.ProposedAt,
        }, ct);

    public static Task RecordDecisionAsync(NpgsqlTransaction tx, StoredScalingProposal p, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE scaling_proposals SET decision = @Decision, decided_on = @DecidedOn, reason = @Reason, decided_at = @DecidedAt WHERE id = @Id",
            new { p.Id, Decision = p.Decision!.Value.ToString(), DecidedOn = p.DecidedOn!.Value, p.Reason, DecidedAt = p.DecidedAt!.Value }, ct);

    public static async Task<StoredScalingProposal?> FindAsync(NpgsqlConnection connection, Guid projectId, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM scaling_proposals WHERE id = @id AND project_id = @projectId",
            new { id, projectId }, ct))?.ToStored();

    /// <summary>The proposal locked for the rest of <paramref name="tx"/>, or null.</summary>
    public static async Task<StoredScalingProposal?> LockAsync(NpgsqlTransaction tx, Guid projectId, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM scaling_proposals WHERE id = @id AND project_id = @projectId",
            new { id, projectId }, ct))?.ToStored();

    public static async Task<IReadOnlyList<StoredScalingProposal>> ListAsync(NpgsqlConnection connection, Guid projectId, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null, $"SELECT {Columns} FROM scaling_proposals WHERE project_id = @projectId ORDER BY proposed_at, id",
            new { projectId }, ct)).Select(r => r.ToStored()).ToList();

    /// <summary>A <c>scaling_proposals</c> row as its columns name it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public string Results { get; init; } = "";
        public decimal Costs { get; init; }
        public string Conditions { get; init; } = "";
        public string[] Municipalities { get; init; } = [];
        public string ProposedBy { get; init; } = "";
        public DateTimeOffset ProposedAt { get; init; }
        public ScalingDecision? Decision { get; init; }
        public DateOnly? DecidedOn { get; init; }
        public string? Reason { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }

        public StoredScalingProposal ToStored() => new(
            Id, ProjectId, new Assessment(Results, Costs, Conditions, Municipalities, ProposedBy), ProposedAt, Decision, DecidedOn, Reason, DecidedAt);
    }
}

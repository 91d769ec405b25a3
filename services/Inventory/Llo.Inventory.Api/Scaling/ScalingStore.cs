using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Domain.Scaling;
using Npgsql;

namespace Llo.Inventory.Api.Scaling;

/// <summary>Reads and writes <c>scaling_proposals</c>, and the few project columns a decision touches.</summary>
public static class ScalingStore
{
    private const string Columns = """
        id, project_id, results, costs, conditions, municipalities, proposed_by, proposed_at, decision, decided_on, reason, decided_at
        """;

    public sealed record ProjectState(ProjectStatus Status, bool Archived, long Version);

    public static async Task<ProjectState?> LockProjectAsync(NpgsqlTransaction tx, Guid projectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT status, archived, version FROM projects WHERE id = @id FOR UPDATE", tx.Connection, tx);
        command.Parameters.AddWithValue("id", projectId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ProjectState(Enum.Parse<ProjectStatus>(reader.GetString(0)), reader.GetBoolean(1), reader.GetInt64(2))
            : null;
    }

    public static async Task<bool> ProjectExistsAsync(NpgsqlConnection connection, Guid projectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM projects WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", projectId);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Sets the project's status, bumps its version and returns the new version.</summary>
    public static async Task<long> SetProjectStatusAsync(NpgsqlTransaction tx, Guid projectId, ProjectStatus status, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE projects SET status = @status, version = version + 1, updated_at = @now WHERE id = @id RETURNING version",
            tx.Connection, tx);
        command.Parameters.AddWithValue("id", projectId);
        command.Parameters.AddWithValue("status", status.ToString());
        command.Parameters.AddWithValue("now", now);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public static async Task<bool> HasPendingAsync(NpgsqlTransaction tx, Guid projectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT 1 FROM scaling_proposals WHERE project_id = @id AND decision IS NULL", tx.Connection, tx);
        command.Parameters.AddWithValue("id", projectId);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    public static async Task InsertAsync(NpgsqlTransaction tx, StoredScalingProposal p, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO scaling_proposals ({Columns})
            VALUES (@id, @project_id, @results, @costs, @conditions, @municipalities, @proposed_by, @proposed_at, NULL, NULL, NULL, NULL)
            """, tx.Connection, tx);
        var a = p.Assessment;
        command.Parameters.AddWithValue("id", p.Id);
        command.Parameters.AddWithValue("project_id", p.ProjectId);
        command.Parameters.AddWithValue("results", a.Results);
        command.Parameters.AddWithValue("costs", a.Costs);
        command.Parameters.AddWithValue("conditions", a.Conditions);
        command.Parameters.AddWithValue("municipalities", a.Municipalities.ToArray());
        command.Parameters.AddWithValue("proposed_by", a.ProposedBy);
        command.Parameters.AddWithValue("proposed_at", p.ProposedAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task RecordDecisionAsync(NpgsqlTransaction tx, StoredScalingProposal p, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE scaling_proposals SET decision = @decision, decided_on = @decided_on, reason = @reason, decided_at = @decided_at WHERE id = @id",
            tx.Connection, tx);
        command.Parameters.AddWithValue("id", p.Id);
        command.Parameters.AddWithValue("decision", p.Decision!.Value.ToString());
        command.Parameters.AddWithValue("decided_on", p.DecidedOn!.Value);
        command.Parameters.AddWithValue("reason", (object?)p.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("decided_at", p.DecidedAt!.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<StoredScalingProposal?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid projectId, Guid id, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM scaling_proposals WHERE id = @id AND project_id = @project_id{(forUpdate ? " FOR UPDATE" : "")}",
            connection, tx);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("project_id", projectId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public static async Task<IReadOnlyList<StoredScalingProposal>> ListAsync(NpgsqlConnection connection, Guid projectId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM scaling_proposals WHERE project_id = @project_id ORDER BY proposed_at, id", connection);
        command.Parameters.AddWithValue("project_id", projectId);
        var proposals = new List<StoredScalingProposal>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            proposals.Add(Read(reader));
        }

        return proposals;
    }

    private static StoredScalingProposal Read(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetGuid(1),
        new Assessment(r.GetString(2), r.GetDecimal(3), r.GetString(4), r.GetFieldValue<string[]>(5), r.GetString(6)),
        r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : Enum.Parse<ScalingDecision>(r.GetString(8)),
        r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11));
}

using Llo.Persistence;
using Npgsql;

namespace Llo.Finance.Api.Events;

/// <summary>A candidate expense line with the title of its project when finance has seen the project registered.</summary>
public sealed record StoredCandidateExpenseLine(Guid ProposalId, Guid ProjectId, string? ProjectTitle, DateOnly DecidedOn, long? YearlyEstimateCents)
{
    /// <summary>The id the line would get in a budget version: short enough to read in a spreadsheet, unique per proposal.</summary>
    public string LineId => "opschaling-" + ProposalId.ToString("N")[..8];

    public string Description => ProjectTitle is { } title ? $"Opschaling: {title}" : $"Opschaling project {ProjectId:D}";
}

/// <summary>Reads and writes <c>inventory_projects</c> and <c>candidate_expense_lines</c>, the finance copies of the inventory's facts.</summary>
public static class CandidateExpenseLineStore
{
    public const int MaxListed = 500;

    /// <summary>Idempotent: a project announced twice keeps its first row.</summary>
    public static Task RecordProjectAsync(NpgsqlTransaction tx, Guid projectId, string title, DateTimeOffset at, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            "INSERT INTO inventory_projects (project_id, title, registered_at) VALUES (@projectId, @title, @at) ON CONFLICT (project_id) DO NOTHING",
            new { projectId, title, at }, ct);

    /// <summary>Idempotent: one candidate per scaling proposal, whatever the number of deliveries.</summary>
    public static Task AddAsync(NpgsqlTransaction tx, Guid proposalId, Guid projectId, DateOnly decidedOn, long? yearlyEstimateCents, DateTimeOffset at, CancellationToken ct) =>
        Rows.ExecuteAsync(tx,
            """
            INSERT INTO candidate_expense_lines (proposal_id, project_id, decided_on, yearly_estimate_cents, received_at)
            VALUES (@proposalId, @projectId, @decidedOn, @yearlyEstimateCents, @at) ON CONFLICT (proposal_id) DO NOTHING
            """,
            new { proposalId, projectId, decidedOn = decidedOn.ToDateTime(TimeOnly.MinValue), yearlyEstimateCents, at }, ct);

    public static async Task<IReadOnlyList<StoredCandidateExpenseLine>> ListAsync(NpgsqlConnection connection, CancellationToken ct) =>
        (await Rows.QueryAsync<Row>(connection, null,
            $"""
            SELECT c.proposal_id, c.project_id, p.title AS project_title, c.decided_on, c.yearly_estimate_cents
            FROM candidate_expense_lines c LEFT JOIN inventory_projects p ON p.project_id = c.project_id
            ORDER BY c.decided_on DESC, c.proposal_id LIMIT {MaxListed}
            """, null, ct))
        .Select(r => new StoredCandidateExpenseLine(r.ProposalId, r.ProjectId, r.ProjectTitle, DateOnly.FromDateTime(r.DecidedOn), r.YearlyEstimateCents))
        .ToList();

    private sealed class Row
    {
        public Guid ProposalId { get; init; }
        public Guid ProjectId { get; init; }
        public string? ProjectTitle { get; init; }
        public DateTime DecidedOn { get; init; }
        public long? YearlyEstimateCents { get; init; }
    }
}

using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Desk;
using Llo.Inventory.Domain.Projects;
using Llo.Persistence;
using Npgsql;

namespace Llo.Inventory.Api.Desk;

/// <summary>Reads and writes <c>desk_questions</c>; rows are read by column name.</summary>
public static class DeskStore
{
    private const string Columns = """
        id, topic, question, municipality, focus_line, sector, campus, routed_to, routing_reason, status, assignee, answer,
        contact_consent, contact_name, contact_email, contact_phone, submitted_at, assigned_at, answered_at, closed_at
        """;

    public static Task InsertAsync(NpgsqlTransaction tx, StoredDeskQuestion q, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, $"""
            INSERT INTO desk_questions ({Columns})
            VALUES (@Id, @Topic, @Question, @Municipality, @FocusLine, @Sector, @Campus, @RoutedTo, @RoutingReason,
                    @Status, NULL, NULL, @ContactConsent, @ContactName, @ContactEmail, @ContactPhone, @SubmittedAt, NULL, NULL, NULL)
            """, new
        {
            q.Id, q.Submission.Topic, q.Submission.Question, q.Submission.Municipality, FocusLine = q.Route.FocusLine?.ToString(),
            q.Submission.Sector, q.Submission.Campus, q.Route.RoutedTo, RoutingReason = q.Route.Reason, Status = q.Status.ToString(),
            ContactConsent = q.Submission.Contact is not null, ContactName = q.Submission.Contact?.Name,
            ContactEmail = q.Submission.Contact?.Email, ContactPhone = q.Submission.Contact?.Phone, q.SubmittedAt,
        }, ct);

    public static async Task<StoredDeskQuestion?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        (await Rows.FindAsync<Row>(connection, null, $"SELECT {Columns} FROM desk_questions WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>The question locked for the rest of <paramref name="tx"/>, or null.</summary>
    public static async Task<StoredDeskQuestion?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        (await Rows.FindForUpdateAsync<Row>(tx, $"SELECT {Columns} FROM desk_questions WHERE id = @id", new { id }, ct))?.ToStored();

    /// <summary>Writes the workflow columns (status, assignee, answer and their moments).</summary>
    public static Task UpdateWorkflowAsync(NpgsqlTransaction tx, StoredDeskQuestion q, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, """
            UPDATE desk_questions SET status = @Status, assignee = @Assignee, answer = @Answer,
                assigned_at = @AssignedAt, answered_at = @AnsweredAt, closed_at = @ClosedAt
            WHERE id = @Id
            """, new { q.Id, Status = q.Status.ToString(), q.Assignee, q.Answer, q.AssignedAt, q.AnsweredAt, q.ClosedAt }, ct);

    public sealed record Filter(DeskQuestionStatus? Status, FocusLine? FocusLine, string? Municipality, string? RoutedTo, string? Query)
    {
        public string?[] Fingerprint() => [Status?.ToString(), FocusLine?.ToString(), Municipality, RoutedTo, Query];
    }

    /// <summary>A page of questions, newest first, and how many match.</summary>
    public static async Task<(IReadOnlyList<StoredDeskQuestion> Questions, int Total)> ListAsync(
        NpgsqlConnection connection, Filter filter, Page page, CancellationToken ct)
    {
        var query = new ListQuery("desk_questions");
        if (filter.Status is { } status) query.Filter("status = @status", "status", status.ToString());
        if (filter.FocusLine is { } focusLine) query.Filter("focus_line = @focus_line", "focus_line", focusLine.ToString());
        if (filter.Municipality is { } municipality) query.Filter("municipality = @municipality", "municipality", municipality);
        if (filter.RoutedTo is { } routedTo) query.Filter("routed_to ILIKE @routed_to", "routed_to", TextField.ContainsPattern(routedTo));
        if (filter.Query is { } q) query.Filter("search @@ plainto_tsquery('dutch', @q)", "q", q);

        var result = await query.PageAsync<Row>(connection, Columns, "submitted_at DESC, id DESC", page.Offset, page.Size, ct);
        return (result.Rows.Select(r => r.ToStored()).ToList(), result.Total);
    }

    /// <summary>A <c>desk_questions</c> row as its columns name it.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Topic { get; init; } = "";
        public string Question { get; init; } = "";
        public string? Municipality { get; init; }
        public FocusLine? FocusLine { get; init; }
        public string? Sector { get; init; }
        public string? Campus { get; init; }
        public string RoutedTo { get; init; } = "";
        public string RoutingReason { get; init; } = "";
        public DeskQuestionStatus Status { get; init; }
        public string? Assignee { get; init; }
        public string? Answer { get; init; }
        public bool ContactConsent { get; init; }
        public string? ContactName { get; init; }
        public string? ContactEmail { get; init; }
        public string? ContactPhone { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public DateTimeOffset? AssignedAt { get; init; }
        public DateTimeOffset? AnsweredAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }

        public StoredDeskQuestion ToStored() => new(
            Id,
            new DeskSubmission(Topic, Question, Municipality, FocusLine, Sector, Campus,
                ContactConsent ? new DeskContactDetails(ContactName, ContactEmail, ContactPhone) : null),
            new DeskRoute(FocusLine, RoutedTo, RoutingReason),
            Status, Assignee, Answer, SubmittedAt, AssignedAt, AnsweredAt, ClosedAt);
    }
}

using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Desk;
using Llo.Inventory.Domain.Projects;
using Npgsql;

namespace Llo.Inventory.Api.Desk;

/// <summary>Reads and writes <c>desk_questions</c> with plain SQL.</summary>
public static class DeskStore
{
    private const string Columns = """
        id, topic, question, municipality, focus_line, sector, campus, routed_to, routing_reason, status, assignee, answer,
        contact_consent, contact_name, contact_email, contact_phone, submitted_at, assigned_at, answered_at, closed_at
        """;

    public static async Task InsertAsync(NpgsqlTransaction tx, StoredDeskQuestion q, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO desk_questions ({Columns})
            VALUES (@id, @topic, @question, @municipality, @focus_line, @sector, @campus, @routed_to, @routing_reason,
                    @status, NULL, NULL, @consent, @name, @email, @phone, @submitted_at, NULL, NULL, NULL)
            """, tx.Connection, tx);
        var s = q.Submission;
        var p = command.Parameters;
        p.AddWithValue("id", q.Id);
        p.AddWithValue("topic", s.Topic);
        p.AddWithValue("question", s.Question);
        p.AddWithValue("municipality", (object?)s.Municipality ?? DBNull.Value);
        p.AddWithValue("focus_line", (object?)q.Route.FocusLine?.ToString() ?? DBNull.Value);
        p.AddWithValue("sector", (object?)s.Sector ?? DBNull.Value);
        p.AddWithValue("campus", (object?)s.Campus ?? DBNull.Value);
        p.AddWithValue("routed_to", q.Route.RoutedTo);
        p.AddWithValue("routing_reason", q.Route.Reason);
        p.AddWithValue("status", q.Status.ToString());
        p.AddWithValue("consent", s.Contact is not null);
        p.AddWithValue("name", (object?)s.Contact?.Name ?? DBNull.Value);
        p.AddWithValue("email", (object?)s.Contact?.Email ?? DBNull.Value);
        p.AddWithValue("phone", (object?)s.Contact?.Phone ?? DBNull.Value);
        p.AddWithValue("submitted_at", q.SubmittedAt);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<StoredDeskQuestion?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, bool forUpdate, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM desk_questions WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", connection, tx);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Writes the workflow columns (status, assignee, answer and their moments).</summary>
    public static async Task UpdateWorkflowAsync(NpgsqlTransaction tx, StoredDeskQuestion q, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE desk_questions SET status = @status, assignee = @assignee, answer = @answer,
                assigned_at = @assigned_at, answered_at = @answered_at, closed_at = @closed_at
            WHERE id = @id
            """, tx.Connection, tx);
        var p = command.Parameters;
        p.AddWithValue("id", q.Id);
        p.AddWithValue("status", q.Status.ToString());
        p.AddWithValue("assignee", (object?)q.Assignee ?? DBNull.Value);
        p.AddWithValue("answer", (object?)q.Answer ?? DBNull.Value);
        p.AddWithValue("assigned_at", (object?)q.AssignedAt ?? DBNull.Value);
        p.AddWithValue("answered_at", (object?)q.AnsweredAt ?? DBNull.Value);
        p.AddWithValue("closed_at", (object?)q.ClosedAt ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    public sealed record Filter(DeskQuestionStatus? Status, FocusLine? FocusLine, string? Municipality, string? RoutedTo, string? Query)
    {
        public string?[] Fingerprint() => [Status?.ToString(), FocusLine?.ToString(), Municipality, RoutedTo, Query];
    }

    /// <summary>A page of questions, newest first, and how many match.</summary>
    public static async Task<(IReadOnlyList<StoredDeskQuestion> Questions, int Total)> ListAsync(
        NpgsqlConnection connection, Filter filter, Page page, CancellationToken ct)
    {
        var conditions = new List<string>();
        await using var command = new NpgsqlCommand { Connection = connection };
        void Where(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }

        if (filter.Status is { } status) Where("status = @status", "status", status.ToString());
        if (filter.FocusLine is { } focusLine) Where("focus_line = @focus_line", "focus_line", focusLine.ToString());
        if (filter.Municipality is { } municipality) Where("municipality = @municipality", "municipality", municipality);
        if (filter.RoutedTo is { } routedTo) Where("routed_to ILIKE @routed_to", "routed_to", TextField.ContainsPattern(routedTo));
        if (filter.Query is { } q) Where("search @@ plainto_tsquery('dutch', @q)", "q", q);

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"""
            SELECT {Columns}, count(*) OVER () FROM desk_questions {where}
            ORDER BY submitted_at DESC, id DESC OFFSET @offset LIMIT @limit
            """;
        command.Parameters.AddWithValue("offset", page.Offset);
        command.Parameters.AddWithValue("limit", page.Size);
        var questions = new List<StoredDeskQuestion>();
        long totalOnRows = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                questions.Add(Read(reader));
                totalOnRows = reader.GetInt64(20);
            }
        }

        var total = await page.TotalAsync(questions.Count, totalOnRows, async () =>
        {
            command.CommandText = $"SELECT count(*) FROM desk_questions {where}";
            return (long)(await command.ExecuteScalarAsync(ct))!;
        });
        return (questions, total);
    }

    private static StoredDeskQuestion Read(NpgsqlDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTimeOffset? Instant(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        var focusLine = Text(4) is { } f ? Enum.Parse<FocusLine>(f) : (FocusLine?)null;
        var contact = r.GetBoolean(12) ? new DeskContactDetails(Text(13), Text(14), Text(15)) : null;
        return new StoredDeskQuestion(
            r.GetGuid(0),
            new DeskSubmission(r.GetString(1), r.GetString(2), Text(3), focusLine, Text(5), Text(6), contact),
            new DeskRoute(focusLine, r.GetString(7), r.GetString(8)),
            Enum.Parse<DeskQuestionStatus>(r.GetString(9)),
            Text(10),
            Text(11),
            r.GetFieldValue<DateTimeOffset>(16),
            Instant(17),
            Instant(18),
            Instant(19));
    }
}

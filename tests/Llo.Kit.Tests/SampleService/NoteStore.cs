using Llo.Persistence;
using Npgsql;

namespace Llo.Kit.Tests.SampleService;

/// <summary>Reads and writes <c>notes</c>.</summary>
public static class NoteStore
{
    private const string Columns = "id, title, body, topic, version, updated_at";

    public static Task<StoredNote?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken ct) =>
        Rows.FindAsync<StoredNote>(connection, null, $"SELECT {Columns} FROM notes WHERE id = @id", new { id }, ct);

    public static Task<StoredNote?> LockAsync(NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        Rows.FindForUpdateAsync<StoredNote>(tx, $"SELECT {Columns} FROM notes WHERE id = @id", new { id }, ct);

    public static Task InsertAsync(NpgsqlTransaction tx, StoredNote note, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, $"INSERT INTO notes ({Columns}) VALUES (@Id, @Title, @Body, @Topic, @Version, @UpdatedAt)", note, ct);

    public static Task UpdateAsync(NpgsqlTransaction tx, StoredNote note, CancellationToken ct) =>
        Rows.ExecuteAsync(tx, "UPDATE notes SET title = @Title, body = @Body, topic = @Topic, version = @Version, updated_at = @UpdatedAt WHERE id = @Id", note, ct);

    public static Task<ListPage<StoredNote>> ListAsync(NpgsqlConnection connection, string? topic, Page page, CancellationToken ct)
    {
        var query = new ListQuery("notes");
        if (topic is not null) query.Filter("topic = @topic", "topic", topic);
        return query.PageAsync<StoredNote>(connection, Columns, "updated_at DESC, id", page.Offset, page.Size, ct);
    }
}

using System.Text.Json;
using Dapper;
using Npgsql;

namespace Llo.Persistence;

/// <summary>
/// Reads rows into classes by column name with Dapper (<c>project_id</c> fills <c>ProjectId</c>), never by position,
/// so adding or reordering a column cannot shift a value into the wrong field.
/// </summary>
public static class Rows
{
    private static readonly Lock Gate = new();
    private static volatile bool _configured;

    /// <summary>Sets Dapper up for the platform once per process: snake_case columns, DateOnly, TimeOnly, DateTimeOffset.</summary>
    public static void Configure()
    {
        if (_configured)
        {
            return;
        }

        lock (Gate)
        {
            if (_configured)
            {
                return;
            }

            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.AddTypeHandler(new DateOnlyHandler());
            SqlMapper.AddTypeHandler(new TimeOnlyHandler());
            SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
            _configured = true;
        }
    }

    /// <summary>Reads and writes <typeparamref name="T"/> as a <c>jsonb</c> column with <paramref name="options"/>.</summary>
    public static void UseJsonb<T>(JsonSerializerOptions options) => SqlMapper.AddTypeHandler(new JsonbHandler<T>(options));

    public static async Task<T?> FindAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, object parameters, CancellationToken ct)
    {
        Configure();
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
    }

    /// <summary>
    /// The row of <paramref name="select"/> (one row's SELECT) locked with <c>FOR UPDATE</c> until <paramref name="tx"/>
    /// ends, or null. Writers read this way, so two writers of one row take turns instead of overwriting each other.
    /// </summary>
    public static Task<T?> FindForUpdateAsync<T>(NpgsqlTransaction tx, string select, object parameters, CancellationToken ct) =>
        FindAsync<T>(tx.Connection!, tx, select + " FOR UPDATE", parameters, ct);

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, object? parameters, CancellationToken ct)
    {
        Configure();
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct))).AsList();
    }

    public static async Task<int> ExecuteAsync(NpgsqlTransaction tx, string sql, object? parameters, CancellationToken ct)
    {
        Configure();
        return await tx.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
    }
}

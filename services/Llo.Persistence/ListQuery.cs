using System.Data.Common;
using Dapper;
using Npgsql;

namespace Llo.Persistence;

/// <summary>One page of a list and how many rows match in all.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>
/// A list over one table (or join): filters added one by one with their parameters, then one page read in a fixed
/// order together with the total (<c>count(*) OVER ()</c>, so one round trip). A page past the end has no row to carry
/// the total, so only then the helper counts again; otherwise total_size would say 0.
/// </summary>
public sealed class ListQuery(string from)
{
    private const string TotalColumn = "list_total";
    private readonly List<string> _conditions = [];

    /// <summary>Named parameters of the filters (and any the columns or the order need).</summary>
    public DynamicParameters Parameters { get; } = new();

    /// <summary>A common table expression the FROM clause uses, e.g. <c>WITH q AS (SELECT … AS query)</c>.</summary>
    public string With { get; init; } = "";

    /// <summary>The filters joined with AND (<c>true</c> when there are none).</summary>
    public string Where => _conditions.Count == 0 ? "true" : string.Join(" AND ", _conditions);

    public ListQuery Filter(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>A condition with its one parameter; enums go in as text (<c>.ToString()</c>), like they are stored.</summary>
    public ListQuery Filter(string condition, string name, object value)
    {
        _conditions.Add(condition);
        Parameters.Add(name, value);
        return this;
    }

    public ListQuery Parameter(string name, object? value, System.Data.DbType? type = null)
    {
        Parameters.Add(name, value, type);
        return this;
    }

    /// <summary>
    /// Rows <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="limit"/> in <paramref name="orderBy"/>
    /// order (which must end with a unique column, so pages never overlap), mapped by column name. <paramref name="around"/>
    /// may wrap the page query (as <c>page</c>) to add columns that are costly and only needed for the page's rows.
    /// </summary>
    public async Task<ListPage<T>> PageAsync<T>(
        NpgsqlConnection connection, string columns, string orderBy, int offset, int limit, CancellationToken ct,
        Func<string, string>? around = null)
    {
        Rows.Configure();
        Parameters.Add("list_offset", offset);
        Parameters.Add("list_limit", limit);
        var page = $"SELECT {columns}, count(*) OVER () AS {TotalColumn} FROM {from} WHERE {Where} ORDER BY {orderBy} OFFSET @list_offset LIMIT @list_limit";
        var rows = new List<T>();
        long total = 0;
        var sql = $"{With} {(around is null ? page : around(page))}";
        await using (DbDataReader reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, Parameters, cancellationToken: ct)))
        {
            var totalOrdinal = reader.GetOrdinal(TotalColumn);
            // A positional record is filled through its constructor, which has no parameter for the total: when the
            // total is the last column (no `around` adding more), the rows are parsed without it.
            var parse = totalOrdinal == reader.FieldCount - 1 ? reader.GetRowParser<T>(length: totalOrdinal) : reader.GetRowParser<T>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(parse(reader));
                total = reader.GetInt64(totalOrdinal);
            }
        }

        if (rows.Count == 0 && offset > 0)
        {
            total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"{With} SELECT count(*) FROM {from} WHERE {Where}", Parameters, cancellationToken: ct));
        }

        return new ListPage<T>(rows, (int)total);
    }
}

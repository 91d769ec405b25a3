using System.Globalization;
using Llo.Finance.Api.Events;
using Llo.Finance.Domain.Budgets;
using Llo.Persistence;
using Npgsql;

namespace Llo.Finance.Api.Budgets;

/// <summary>
/// Reads and writes published budget versions (<c>budget_versions</c>, <c>budget_lines</c>, <c>budget_amounts</c>).
/// Only lines are stored; a version read back is a domain <see cref="BudgetVersion"/> that computes its totals.
/// </summary>
public static class BudgetStore
{
    private const string Income = "income";
    private const string Expense = "expense";

    /// <summary>The latest published version, or null before any version is published.</summary>
    public static Task<BudgetVersion?> LatestAsync(NpgsqlConnection connection, CancellationToken ct) => ReadAsync(connection, null, ct);

    /// <summary>The published version with <paramref name="number"/>, or null: publishing a new version keeps the old ones readable.</summary>
    public static Task<BudgetVersion?> FindAsync(NpgsqlConnection connection, int number, CancellationToken ct) => ReadAsync(connection, number, ct);

    /// <summary>
    /// The number the next version gets. Locks the versions against other writers (readers go on) until the transaction
    /// ends, so two imports at the same time publish one after the other instead of colliding on a number.
    /// </summary>
    public static async Task<int> LockNextNumberAsync(NpgsqlTransaction tx, CancellationToken ct)
    {
        await Rows.ExecuteAsync(tx, "LOCK TABLE budget_versions IN EXCLUSIVE MODE", new { }, ct);
        return (await Rows.QueryAsync<int>(tx.Connection!, tx, "SELECT COALESCE(MAX(number), 0) + 1 FROM budget_versions", null, ct))[0];
    }

    private static async Task<BudgetVersion?> ReadAsync(NpgsqlConnection connection, int? number, CancellationToken ct)
    {
        const string select = "SELECT number, label, dated::text AS dated, first_year, last_year FROM budget_versions";
        var head = await Rows.FindAsync<StoredBudgetVersion>(connection, null,
            number is null ? $"{select} ORDER BY number DESC LIMIT 1" : $"{select} WHERE number = @number", new { number }, ct);
        if (head is null)
        {
            return null;
        }

        var lines = await Rows.QueryAsync<StoredBudgetLine>(connection, null,
            "SELECT kind, line_id, description, category, source, funder, priority FROM budget_lines WHERE version = @number ORDER BY kind, position",
            new { number = head.Number }, ct);
        var amounts = (await Rows.QueryAsync<StoredBudgetAmount>(connection, null,
                "SELECT kind, line_id, year, cents FROM budget_amounts WHERE version = @number", new { number = head.Number }, ct))
            .ToLookup(a => (a.Kind, a.LineId));

        AmountsPerYear AmountsOf(StoredBudgetLine line) =>
            new(amounts[(line.Kind, line.LineId)].ToDictionary(a => a.Year, a => a.Cents / 100m));

        return BudgetVersion.Create(
            head.Number,
            head.Label,
            DateOnly.ParseExact(head.Dated, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            head.FirstYear,
            head.LastYear,
            lines.Where(l => l.Kind == Income).Select(l => new IncomeLine(
                l.LineId, l.Description, Enum.Parse<IncomeSource>(l.Source!), l.Funder ?? "", l.Category, AmountsOf(l))),
            lines.Where(l => l.Kind == Expense).Select(l => new ExpenseLine(
                l.LineId, l.Description, l.Category, l.Priority ?? 1, AmountsOf(l))));
    }

    /// <summary>
    /// Stores <paramref name="version"/> under its number with all its lines; false (and nothing written) when a version
    /// with that number is there already, so seeding twice changes nothing.
    /// </summary>
    public static async Task<bool> PublishAsync(NpgsqlTransaction tx, BudgetVersion version, DateTimeOffset at, CancellationToken ct)
    {
        var inserted = await Rows.ExecuteAsync(tx,
            """
            INSERT INTO budget_versions (number, label, dated, first_year, last_year, published_at)
            VALUES (@Number, @Label, @Dated, @FirstYear, @LastYear, @At) ON CONFLICT (number) DO NOTHING
            """,
            new { version.Number, version.Label, Dated = version.Date.ToDateTime(TimeOnly.MinValue), version.FirstYear, version.LastYear, At = at.UtcDateTime }, ct);
        if (inserted == 0)
        {
            return false;
        }

        var lines = version.IncomeLines
            .Select((l, i) => new { Version = version.Number, Kind = Income, LineId = l.Id, Position = i, l.Description, l.Category, Source = (string?)l.Source.ToString(), Funder = (string?)l.Funder, Priority = (int?)null, l.Amounts })
            .Concat(version.ExpenseLines
                .Select((l, i) => new { Version = version.Number, Kind = Expense, LineId = l.Id, Position = i, l.Description, l.Category, Source = (string?)null, Funder = (string?)null, Priority = (int?)l.Priority, l.Amounts }))
            .ToList();
        await Rows.ExecuteAsync(tx,
            """
            INSERT INTO budget_lines (version, kind, line_id, position, description, category, source, funder, priority)
            VALUES (@Version, @Kind, @LineId, @Position, @Description, @Category, @Source, @Funder, @Priority)
            """,
            lines.Select(l => new { l.Version, l.Kind, l.LineId, l.Position, l.Description, l.Category, l.Source, l.Funder, l.Priority }).ToList(), ct);
        await Rows.ExecuteAsync(tx,
            "INSERT INTO budget_amounts (version, kind, line_id, year, cents) VALUES (@Version, @Kind, @LineId, @Year, @Cents)",
            lines.SelectMany(l => l.Amounts.Entries.Select(a => new { l.Version, l.Kind, l.LineId, Year = a.Key, Cents = Cents(a.Value) })).ToList(), ct);
        await BudgetVersionEvents.PublishAsync(tx, version, ct);
        return true;
    }

    private static long Cents(decimal euros) => Llo.Contracts.Common.V1.Money.FromEuros(euros).Cents;
}

using Llo.Contracts.Events;
using Llo.Finance.Domain.Budgets;
using Llo.Messaging;
using Npgsql;

namespace Llo.Finance.Api.Events;

/// <summary>Publishes <see cref="BudgetVersionPublished"/> in the transaction that stores the version; the aggregate is the budget, its version the number.</summary>
public static class BudgetVersionEvents
{
    public const string Aggregate = "budget";

    public static Task PublishAsync(NpgsqlTransaction tx, BudgetVersion version, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx,
            new BudgetVersionPublished(version.Number, version.Date, version.FirstYear, version.LastYear, version.IncomeLines.Count, version.ExpenseLines.Count),
            Aggregate, version.Number, ct);
}

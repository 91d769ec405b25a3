using Llo.Contracts.Events;
using Llo.Finance.Api.RateCards;
using Llo.Messaging;
using Npgsql;

namespace Llo.Finance.Api.Events;

/// <summary>Publishes <see cref="RateCardRoleChanged"/> in the transaction that stores the role (and any budget version it causes).</summary>
public static class RateCardEvents
{
    public static string Aggregate(int year, string roleId) => $"rate-card/{year}/{roleId}";

    public static Task PublishAsync(NpgsqlTransaction tx, StoredRateCardRole role, IReadOnlyList<string> changedFields, int? budgetVersion, CancellationToken ct) =>
        Outbox.EnqueueAsync(tx,
            new RateCardRoleChanged(role.Year, role.RoleId, role.Version, role.HourlyRateCents, role.HoursPerWeek, role.WeeksPerYear,
                Domain.Money.Euros.ToCents(role.ToDomain().YearlyCost()), changedFields, budgetVersion),
            Aggregate(role.Year, role.RoleId), role.Version, ct);
}

using System.Globalization;
using Grpc.Core;
using Llo.Finance.Api.Access;
using Llo.Finance.Api.Applications;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.Events;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.RateCards;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.RateCards;

/// <summary>
/// A budget year's rate card, and changes to one role that flow into the staffing lines: when a line's cost changes,
/// the budget is published as a new version in the same transaction as the role.
/// </summary>
public sealed class RateCardService(NpgsqlDataSource dataSource, TimeProvider time) : V1.RateCardService.RateCardServiceBase
{
    public static readonly Resource Role = new("Rol", "de", "rol-id");

    [Authorize(Policy = FinancePolicies.RateCardRead)]
    public override async Task<V1.RateCard> GetRateCard(V1.GetRateCardRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var year = BudgetYearField.Parse(request.Year);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var budget = await BudgetCoveringAsync(connection, year, ct);
        return RateCardContract.Card(year, await RateCardStore.YearAsync(connection, year, ct), budget);
    }

    [Authorize(Policy = FinancePolicies.RateCardWrite)]
    public override async Task<V1.RateCardRoleUpdate> UpdateRateCardRole(V1.UpdateRateCardRoleRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var year = BudgetYearField.Parse(request.Year);
        var roleId = ParseRoleId(request.RoleId);
        Role.RequireVersion(request.Version);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await RateCardStore.LockCardAsync(tx, ct);
        var budget = await BudgetCoveringAsync(connection, year, ct);
        var current = await RateCardStore.LockAsync(tx, year, roleId, ct).Expecting(request.Version, () => NotFound(year, roleId), Role.Stale);
        var others = (await RateCardStore.YearAsync(connection, year, ct)).Where(r => r.RoleId != roleId).ToList();

        var violations = new FieldViolations();
        var fields = UpdateMask.Apply(RateCardContract.Fields(current), request.Role ?? new V1.RateCardRoleFields(), request.UpdateMask?.Paths ?? [], violations);
        violations.ThrowIfAny();
        var owners = others.SelectMany(r => r.Shares.Select(s => (s.ExpenseLineId, r.RoleId))).ToDictionary(x => x.ExpenseLineId, x => x.RoleId);
        var valid = RateCardRoleValidator.Validate(fields, budget, owners, roleId, violations);
        violations.ThrowIfAny();

        if (valid.Name == current.Name && valid.HourlyRateCents == current.HourlyRateCents && valid.HoursPerWeek == current.HoursPerWeek
            && valid.WeeksPerYear == current.WeeksPerYear && valid.Shares.SequenceEqual(current.Shares))
        {
            return new V1.RateCardRoleUpdate { Role = RateCardContract.Role(current), BudgetVersion = BudgetContract.Info(budget) };
        }

        var now = StoredTime.Now(time);
        var updated = current with
        {
            Name = valid.Name, HourlyRateCents = valid.HourlyRateCents, HoursPerWeek = valid.HoursPerWeek, WeeksPerYear = valid.WeeksPerYear,
            Assignments = StoredRateCardRole.SharesJson(valid.Shares), Version = current.Version + 1, UpdatedAt = now,
        };
        await RateCardStore.UpdateAsync(tx, updated, ct);

        var roles = others.Append(updated).ToList();
        IReadOnlyList<StaffingCostChange> changes;
        BudgetVersion published = budget;
        try
        {
            var card = new RateCard(roles.Select(r => r.ToDomain()));
            (var lines, changes) = card.ApplyTo(RateCardContract.LinkedLines(budget, year, roles));
            if (changes.Count > 0)
            {
                var today = DutchTime.Today(time);
                published = budget.Revise($"v.{today.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)} (tariefkaart {year})", today, expenseLines: lines);
            }
        }
        catch (FinanceRuleViolation refusal)
        {
            throw ApplicationValidator.ToRpc(refusal, "role.");
        }

        if (changes.Count > 0 && !await BudgetStore.PublishAsync(tx, published, now, ct))
        {
            throw new RpcException(new Status(StatusCode.Aborted, "De begroting is intussen gewijzigd; haal de tariefkaart opnieuw op en breng uw wijziging opnieuw aan."));
        }

        await RateCardEvents.PublishAsync(tx, updated, UpdateMask.ChangedFields(RateCardContract.Fields(current), RateCardContract.Fields(updated)),
            changes.Count > 0 ? published.Number : null, ct);

        await tx.CommitAsync(ct);
        var answer = new V1.RateCardRoleUpdate { Role = RateCardContract.Role(updated), BudgetVersion = BudgetContract.Info(published) };
        answer.Changes.AddRange(changes.Select(RateCardContract.Change));
        return answer;
    }

    /// <summary>The latest budget version when it covers <paramref name="year"/>; NotFound in Dutch otherwise.</summary>
    private static async Task<BudgetVersion> BudgetCoveringAsync(NpgsqlConnection connection, int year, CancellationToken ct)
    {
        var budget = await BudgetStore.LatestAsync(connection, ct)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Er is nog geen begroting gepubliceerd."));
        return budget.Covers(year)
            ? budget
            : throw new RpcException(new Status(StatusCode.NotFound,
                $"Het jaar {year} valt buiten de begroting {budget.Label}: die loopt van {budget.FirstYear} tot en met {budget.LastYear}."));
    }

    private static string ParseRoleId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || TextField.CharacterProblem(id) is not null)
        {
            new FieldViolations().Add("roleId", $"Geen geldig rol-id \"{Echo.Of(id)}\".").ThrowIfAny();
        }

        return id;
    }

    private static RpcException NotFound(int year, string roleId) =>
        new(new Status(StatusCode.NotFound, $"De rol {Echo.Of(roleId)} staat niet op de tariefkaart van {year}."));
}

using Grpc.Core;
using Llo.Finance.Api.Access;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.Events;
using Llo.Finance.Api.PartnerAccess;
using Llo.Finance.Domain.Budgets;
using Llo.Hosting.Access;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Contributions;

/// <summary>
/// Partner contributions: the programme manager records and changes them, a partner editor sees and confirms its own
/// organisation's, municipality analysts and partner systems read them all (<see cref="ContributionVisibility"/>).
/// </summary>
public sealed class ContributionService(NpgsqlDataSource dataSource, TimeProvider time) : V1.ContributionService.ContributionServiceBase
{
    public static readonly Resource Contribution = new("Bijdrage", "de", "bijdrage-id");
    private static readonly PageLimits Limits = new(Default: 50, Max: 200);

    [Authorize(Policy = FinancePolicies.ContributionsRead)]
    public override async Task<V1.ListContributionsResponse> ListContributions(V1.ListContributionsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var violations = new FieldViolations();
        var asked = request.OrganisationId.Length == 0 ? null : Resource.TryParseId(request.OrganisationId);
        if (request.OrganisationId.Length > 0 && asked is null)
        {
            violations.Add("organisationId", $"Geen geldig organisatie-id \"{Echo.Of(request.OrganisationId)}\" (verwacht een GUID).");
        }

        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations,
            request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), request.OrganisationId);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (request.Year != 0 && await LatestBudgetAsync(connection, ct) is var budget && !budget.Covers(request.Year))
        {
            violations.Add("year", $"Het jaar {request.Year} valt buiten de begroting {budget.Label} ({budget.FirstYear} tot en met {budget.LastYear}).");
        }

        violations.ThrowIfAny();
        var organisation = asked;
        if (ContributionVisibility.OnlyOrganisation(caller) is { } own)
        {
            if (asked is { } other && other != own)
            {
                throw Caller.Denied("U ziet alleen de bijdragen van uw eigen organisatie.");
            }

            organisation = own;
        }

        var (rows, totals) = await ContributionStore.ListAsync(connection, request.Year == 0 ? null : request.Year, organisation, page, ct);
        var response = new V1.ListContributionsResponse { TotalSize = rows.Total, NextPageToken = page.NextToken(rows.Rows.Count, rows.Total) };
        response.Contributions.AddRange(rows.Rows.Select(c => c.ToContract()));
        response.Totals.AddRange(totals.Select(ContributionContract.Total));
        return response;
    }

    [Authorize(Policy = FinancePolicies.ContributionsRead)]
    public override async Task<V1.Contribution> GetContribution(V1.GetContributionRequest request, ServerCallContext context)
    {
        var id = ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var stored = await ContributionStore.FindAsync(connection, id, context.CancellationToken) ?? throw NotFound(id);
        ContributionVisibility.RequireVisible(context.Caller(), stored.OrganisationId);
        return stored.ToContract();
    }

    [Authorize(Policy = FinancePolicies.ContributionsWrite)]
    public override async Task<V1.Contribution> CreateContribution(V1.CreateContributionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var valid = ContributionValidator.Validate(request.Contribution, await LatestBudgetAsync(connection, ct), new FieldViolations());
        var now = StoredTime.Now(time);
        var stored = Apply(new StoredContribution(Guid.CreateVersion7().ToString("D"), valid.OrganisationId, "", "", 0, 0, 0, 0, null, false, 0, null, null,
            null, 1, now, now), valid);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ContributionStore.InsertAsync(tx, stored, ct);
        await ContributionEvents.PublishAsync(tx, stored, ContributionEvents.Recorded, [], ct);
        await tx.CommitAsync(ct);
        return stored.ToContract();
    }

    [Authorize(Policy = FinancePolicies.ContributionsWrite)]
    public override async Task<V1.Contribution> UpdateContribution(V1.UpdateContributionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = ParseId(request.Id);
        Contribution.RequireVersion(request.Version);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await ContributionStore.LockAsync(tx, id, ct).Expecting(request.Version, () => NotFound(id), Contribution.Stale);
        var violations = new FieldViolations();
        var fields = UpdateMask.Apply(ContributionContract.Fields(current), request.Contribution ?? new V1.ContributionFields(), request.UpdateMask?.Paths ?? [], violations);
        violations.ThrowIfAny();
        var valid = ContributionValidator.Validate(fields, await LatestBudgetAsync(connection, ct), violations);

        var changed = Apply(current, valid);
        if (changed == current)
        {
            return current.ToContract();
        }

        // A partner confirmed what it committed, for that year: another amount, partner or year needs a new confirmation.
        var reconfirm = changed.CommittedCents != current.CommittedCents || changed.OrganisationId != current.OrganisationId || changed.Year != current.Year;
        var updated = changed with { ConfirmedAt = reconfirm ? null : current.ConfirmedAt, Version = current.Version + 1, UpdatedAt = StoredTime.Now(time) };
        await ContributionStore.UpdateAsync(tx, updated, ct);
        await ContributionEvents.PublishAsync(tx, updated, ContributionEvents.Changed,
            UpdateMask.ChangedFields(ContributionContract.Fields(current), ContributionContract.Fields(updated)), ct);
        await tx.CommitAsync(ct);
        return updated.ToContract();
    }

    [Authorize(Policy = FinancePolicies.ContributionsConfirm)]
    public override async Task<V1.Contribution> ConfirmContribution(V1.ConfirmContributionRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = ParseId(request.Id);
        Contribution.RequireVersion(request.Version);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Another partner learns nothing about the row, not even its version: the organisation is checked first.
        var current = await ContributionStore.LockAsync(tx, id, ct) ?? throw NotFound(id);
        context.Caller().RequireActsFor(current.OrganisationId, "deze bijdrage");
        if (request.Version != current.Version)
        {
            throw Contribution.Stale(request.Version, current.Version);
        }

        if (current.ConfirmedAt is not null)
        {
            return current.ToContract();
        }

        var now = StoredTime.Now(time);
        var confirmed = current with { ConfirmedAt = now, ProbabilityPercent = 100, Version = current.Version + 1, UpdatedAt = now };
        await ContributionStore.UpdateAsync(tx, confirmed, ct);
        await ContributionEvents.PublishAsync(tx, confirmed, ContributionEvents.Confirmed, [], ct);
        await tx.CommitAsync(ct);
        return confirmed.ToContract();
    }

    private static StoredContribution Apply(StoredContribution row, ValidContribution valid) => row with
    {
        OrganisationId = valid.OrganisationId,
        Partner = valid.Partner,
        Category = valid.Category.ToString(),
        Year = valid.Year,
        CommittedCents = valid.CommittedCents,
        InvoicedCents = valid.InvoicedCents,
        PaidCents = valid.PaidCents,
        ExistingBudget = valid.ExistingBudget,
        VatRecoverable = valid.VatRecoverable,
        ProbabilityPercent = valid.ProbabilityPercent,
        IncomeLineId = valid.IncomeLineId,
        Notes = valid.Notes,
    };

    private static async Task<BudgetVersion> LatestBudgetAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await BudgetStore.LatestAsync(connection, ct) ?? throw new RpcException(new Status(StatusCode.NotFound, "Er is nog geen begroting gepubliceerd."));

    /// <summary>Ids are the seed's names for the plan's contributions ("gemeente-schiedam-2022") and GUIDs for new ones.</summary>
    private static string ParseId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || TextField.CharacterProblem(id) is not null)
        {
            new FieldViolations().Add("id", $"Geen geldig bijdrage-id \"{Echo.Of(id)}\".").ThrowIfAny();
        }

        return id;
    }

    private static RpcException NotFound(string id) => new(new Status(StatusCode.NotFound, $"Bijdrage {Echo.Of(id)} bestaat niet."));
}

using Grpc.Core;
using Llo.Finance.Api.Access;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.Events;
using Llo.Finance.Domain;
using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Applications;

/// <summary>Funding applications: register a draft, read, list a page at a time, and move one status step with a version.</summary>
public sealed class FundingApplicationService(NpgsqlDataSource dataSource, TimeProvider time) : V1.FundingApplicationService.FundingApplicationServiceBase
{
    public static readonly Resource Application = new("Aanvraag", "de", "aanvraag-id");
    private static readonly PageLimits Limits = new(Default: 20, Max: 100);

    [Authorize(Policy = FinancePolicies.ApplicationsWrite)]
    public override async Task<V1.FundingApplication> CreateApplication(V1.CreateApplicationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var budget = await BudgetStore.LatestAsync(connection, ct)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Er is nog geen begroting gepubliceerd."));
        var (fields, requested) = ApplicationValidator.Validate(request.Application, budget, new FieldViolations());
        FundingApplication application;
        try
        {
            application = new FundingApplication(Guid.CreateVersion7().ToString(), fields.Title, [.. fields.Funders], NullIfEmpty(fields.LeadApplicant),
                requested, fields.ProbabilityPercent / 100m, notes: NullIfEmpty(fields.Notes), incomeLineId: NullIfEmpty(fields.IncomeLineId));
        }
        catch (FinanceRuleViolation refusal)
        {
            throw ApplicationValidator.ToRpc(refusal, "application.");
        }

        var now = StoredTime.Now(time);
        var stored = StoredApplication.From(application, fields.ProbabilityPercent, 1, now, now);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ApplicationStore.InsertAsync(tx, stored, ct);
        await tx.CommitAsync(ct);
        return stored.ToContract();
    }

    [Authorize(Policy = FinancePolicies.ApplicationsRead)]
    public override async Task<V1.FundingApplication> GetApplication(V1.GetApplicationRequest request, ServerCallContext context)
    {
        var id = ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var stored = await ApplicationStore.FindAsync(connection, id, context.CancellationToken);
        return (stored ?? throw NotFound(id)).ToContract();
    }

    [Authorize(Policy = FinancePolicies.ApplicationsRead)]
    public override async Task<V1.ListApplicationsResponse> ListApplications(V1.ListApplicationsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations);
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var result = await ApplicationStore.ListAsync(connection, page, context.CancellationToken);
        var response = new V1.ListApplicationsResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Applications.AddRange(result.Rows.Select(a => a.ToContract()));
        return response;
    }

    [Authorize(Policy = FinancePolicies.ApplicationsWrite)]
    public override async Task<V1.FundingApplication> MoveApplication(V1.MoveApplicationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = ParseId(request.Id);
        Application.RequireVersion(request.Version);
        var violations = new FieldViolations();
        var to = ApplicationContract.Statuses.ToDomain(request.Status);
        if (to is null)
        {
            violations.Add("status", $"Kies de nieuwe status: {ApplicationContract.Statuses.Choices}.");
        }

        AmountsPerYear? granted = request.Granted.Count == 0 ? null : ApplicationValidator.Amounts(request.Granted, "granted", violations);
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await ApplicationStore.LockAsync(tx, id, ct).Expecting(request.Version, () => NotFound(id), Application.Stale);
        FundingApplication moved;
        try
        {
            moved = current.ToDomain().Move(to!.Value, granted);
        }
        catch (FinanceRuleViolation refusal)
        {
            throw ApplicationValidator.ToRpc(refusal, "");
        }

        var updated = StoredApplication.From(moved, current.ProbabilityPercent, current.Version + 1, current.CreatedAt, StoredTime.Now(time));
        await ApplicationStore.UpdateStatusAsync(tx, updated, ct);
        await FundingApplicationDecisions.PublishIfDecidedAsync(tx, moved, updated.Version, ct);
        await tx.CommitAsync(ct);
        return updated.ToContract();
    }

    /// <summary>Ids are the plan's names for seeded applications ("programmamanagement") and GUIDs for new ones.</summary>
    private static string ParseId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100 || TextField.CharacterProblem(id) is not null)
        {
            new FieldViolations().Add("id", $"Geen geldig aanvraag-id \"{Echo.Of(id)}\".").ThrowIfAny();
        }

        return id;
    }

    private static RpcException NotFound(string id) => new(new Status(StatusCode.NotFound, $"Aanvraag {Echo.Of(id)} bestaat niet."));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

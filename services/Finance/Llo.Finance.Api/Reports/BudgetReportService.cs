using Grpc.Core;
using Llo.Contracts.Common.V1;
using Llo.Finance.Api.Access;
using Llo.Finance.Api.Events;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Reports;

/// <summary>
/// The budget against its realisation in a year, and the candidate expense lines for the next version, for the budget's
/// readers (the municipality analyst among them).
/// </summary>
public sealed class BudgetReportService(NpgsqlDataSource dataSource) : V1.BudgetReportService.BudgetReportServiceBase
{
    [Authorize(Policy = FinancePolicies.BudgetRead)]
    public override async Task<V1.BudgetReport> GetBudgetReport(V1.GetBudgetReportRequest request, ServerCallContext context) =>
        BudgetReportContract.ToContract(await BudgetReports.LoadAsync(dataSource, request.Year, request.Version, context.CancellationToken));

    [Authorize(Policy = FinancePolicies.BudgetRead)]
    public override async Task<V1.ListCandidateExpenseLinesResponse> ListCandidateExpenseLines(V1.ListCandidateExpenseLinesRequest request, ServerCallContext context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var response = new V1.ListCandidateExpenseLinesResponse();
        response.Candidates.AddRange((await CandidateExpenseLineStore.ListAsync(connection, context.CancellationToken)).Select(c => new V1.CandidateExpenseLine
        {
            LineId = c.LineId,
            ProjectId = c.ProjectId.ToString(),
            ProposalId = c.ProposalId.ToString(),
            Description = c.Description,
            YearlyEstimate = c.YearlyEstimateCents is { } cents ? new Money { Cents = cents } : null,
            DecidedOn = c.DecidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }));
        return response;
    }
}

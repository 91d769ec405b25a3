using Grpc.Core;
using Llo.Finance.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Reports;

/// <summary>The budget against its realisation in a year, for the budget's readers (the municipality analyst among them).</summary>
public sealed class BudgetReportService(NpgsqlDataSource dataSource) : V1.BudgetReportService.BudgetReportServiceBase
{
    [Authorize(Policy = FinancePolicies.BudgetRead)]
    public override async Task<V1.BudgetReport> GetBudgetReport(V1.GetBudgetReportRequest request, ServerCallContext context) =>
        BudgetReportContract.ToContract(await BudgetReports.LoadAsync(dataSource, request.Year, request.Version, context.CancellationToken));
}

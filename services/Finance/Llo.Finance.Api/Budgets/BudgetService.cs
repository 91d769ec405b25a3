using Grpc.Core;
using Llo.Finance.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Budgets;

/// <summary>The budget's years, and one year's lines with computed totals, from the latest published version.</summary>
public sealed class BudgetService(NpgsqlDataSource dataSource) : V1.BudgetService.BudgetServiceBase
{
    [Authorize(Policy = FinancePolicies.BudgetRead)]
    public override async Task<V1.ListBudgetYearsResponse> ListBudgetYears(V1.ListBudgetYearsRequest request, ServerCallContext context)
    {
        var budget = await LatestAsync(context.CancellationToken);
        var response = new V1.ListBudgetYearsResponse { Version = BudgetContract.Info(budget) };
        response.Years.AddRange(budget.Years);
        return response;
    }

    [Authorize(Policy = FinancePolicies.BudgetRead)]
    public override async Task<V1.BudgetYear> GetBudgetYear(V1.GetBudgetYearRequest request, ServerCallContext context)
    {
        var year = BudgetYearField.Parse(request.Year);
        var budget = await LatestAsync(context.CancellationToken);
        if (!budget.Covers(year))
        {
            throw new RpcException(new Status(StatusCode.NotFound,
                $"Het jaar {year} valt buiten de begroting {budget.Label}: die loopt van {budget.FirstYear} tot en met {budget.LastYear}."));
        }

        return BudgetContract.ToContract(budget, budget.Year(year));
    }

    private async Task<Domain.Budgets.BudgetVersion> LatestAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await BudgetStore.LatestAsync(connection, ct)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Er is nog geen begroting gepubliceerd."));
    }
}

using Grpc.Core;
using Llo.Contracts.Finance.V1;
using Llo.Finance.Tests.Infrastructure;
using Llo.Testing;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Access;

/// <summary>
/// A partner system (a municipality's financial system) reads a year's budget and the contributions over native gRPC
/// with a client-credentials token carrying finance.read, as the demo client demo-partner does; without the scope it
/// is refused, and the read scope never writes or plans.
/// </summary>
public sealed class PartnerSystemReadTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private static readonly TestToken Reader = Client(TestOrganisations.One, "inventory.read", "finance.read");
    private static readonly TestToken Stranger = Client(TestOrganisations.One, "inventory.read");

    [Fact]
    public async Task A_partner_system_with_finance_read_reads_the_budget_and_all_contributions_of_a_year()
    {
        var budgets = new BudgetService.BudgetServiceClient(host.GrpcAs(Reader));
        var contributions = new ContributionService.ContributionServiceClient(host.GrpcAs(Reader));

        var year = await budgets.GetBudgetYearAsync(new GetBudgetYearRequest { Year = "2024" });
        var list = await contributions.ListContributionsAsync(new ListContributionsRequest { Year = 2024 });
        var vlaardingen = await contributions.GetContributionAsync(new GetContributionRequest { Id = "gemeente-vlaardingen-2024" });

        Assert.Equal(26_400_000L, year.IncomeTotal.Cents);
        Assert.Equal(5, list.TotalSize);
        Assert.Equal(6_400_000L, list.Totals.Sum(t => t.Committed.Cents));
        Assert.Equal(500_000L, vlaardingen.Fields.Committed.Cents);
        Assert.Equal(ExistingBudget.Yes, vlaardingen.Fields.ExistingBudget);
    }

    [Fact]
    public async Task Without_finance_read_the_partner_system_is_refused_with_PermissionDenied()
    {
        var budgets = new BudgetService.BudgetServiceClient(host.GrpcAs(Stranger));
        var contributions = new ContributionService.ContributionServiceClient(host.GrpcAs(Stranger));

        var budget = await Assert.ThrowsAsync<RpcException>(() => budgets.GetBudgetYearAsync(new GetBudgetYearRequest { Year = "2024" }).ResponseAsync);
        var list = await Assert.ThrowsAsync<RpcException>(() => contributions.ListContributionsAsync(new ListContributionsRequest { Year = 2024 }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, budget.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
    }

    [Fact]
    public async Task The_read_scope_neither_records_nor_confirms_contributions_nor_works_out_plans()
    {
        var contributions = new ContributionService.ContributionServiceClient(host.GrpcAs(Reader));
        var plans = new PlanService.PlanServiceClient(host.GrpcAs(Reader));

        var create = await Assert.ThrowsAsync<RpcException>(() => contributions.CreateContributionAsync(new CreateContributionRequest
        {
            Contribution = new ContributionFields { OrganisationId = TestOrganisations.One.ToString(), Partner = "x", Category = PartnerCategory.Municipalities, Year = 2024 },
        }).ResponseAsync);
        var confirm = await Assert.ThrowsAsync<RpcException>(() =>
            contributions.ConfirmContributionAsync(new ConfirmContributionRequest { Id = "gemeente-schiedam-2024", Version = 1 }).ResponseAsync);
        var plan = await Assert.ThrowsAsync<RpcException>(() => plans.RealisePlanAsync(new RealisePlanRequest { Year = 2024 }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, confirm.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, plan.StatusCode);
    }
}

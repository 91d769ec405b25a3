using System.Net;
using Grpc.Core;
using Llo.Contracts.Finance.V1;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Testing;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Access;

/// <summary>Who reads the budget: the programme manager and municipality analysts, and partner systems with finance.read; nobody anonymous.</summary>
public sealed class BudgetAccessTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    private const string Year2022 = "/api/finance/v1/budgets/2022";

    [Fact]
    public async Task An_anonymous_caller_is_asked_to_log_in()
    {
        var response = await host.As(null).GetAsync(Year2022);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Log eerst in", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_worker_is_refused_with_403()
    {
        var response = await host.As(User(TestOrganisations.One, LloRoles.Worker)).GetAsync(Year2022);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_municipality_analyst_reads_the_year()
    {
        var year = await BodyAsync(await host.As(User(TestOrganisations.Two, LloRoles.MunicipalityAnalyst)).GetAsync(Year2022));

        Assert.Equal(345_000m, Euros(year.GetProperty("incomeTotal")));
    }

    [Fact]
    public async Task A_partner_system_with_finance_read_reads_the_year_over_grpc_and_one_without_is_refused()
    {
        var partner = new BudgetService.BudgetServiceClient(host.GrpcAs(Client(TestOrganisations.Two, "finance.read")));
        var stranger = new BudgetService.BudgetServiceClient(host.GrpcAs(Client(TestOrganisations.Two, "inventory.read")));

        var year = await partner.GetBudgetYearAsync(new GetBudgetYearRequest { Year = "2022" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.GetBudgetYearAsync(new GetBudgetYearRequest { Year = "2022" }).ResponseAsync);

        Assert.Equal(34_500_000L, year.ExpenseTotal.Cents);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}

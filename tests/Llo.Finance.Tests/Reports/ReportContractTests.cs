using Llo.Validation;
using Llo.Finance.Api;
using Llo.Finance.Tests.Infrastructure;

namespace Llo.Finance.Tests.Reports;

/// <summary>The reports' contract: every enum value maps both ways, and the OpenAPI document names the new paths.</summary>
public sealed class ReportContractTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    [Fact]
    public void Every_contract_enum_of_the_service_maps_to_its_domain_twin_both_ways()
    {
        var maps = EnumMap.DeclaredIn(typeof(FinanceApp).Assembly);

        Assert.Contains(maps, m => m.Name == "BudgetReportContract.Coverages");
        var gaps = maps.SelectMany(m => m.Map.Gaps().Select(g => $"{m.Name}: {g}")).ToList();
        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_report_the_downloads_the_import_and_the_candidates()
    {
        var document = await FinanceHost.BodyAsync(await host.Json.GetAsync("/api/finance/v1/openapi.json"));

        var paths = document.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/finance/v1/budgets/{year}/report", "/api/finance/v1/budgets/{year}/report.csv", "/api/finance/v1/budgets/{year}/report.xlsx",
                     "/api/finance/v1/budgetVersions:import", "/api/finance/v1/candidateExpenseLines",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        }
    }
}

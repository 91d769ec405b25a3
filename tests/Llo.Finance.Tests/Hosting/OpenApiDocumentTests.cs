using Llo.Finance.Tests.Infrastructure;

namespace Llo.Finance.Tests.Hosting;

/// <summary>The finance OpenAPI document names every path and the fields the validators require.</summary>
public sealed class OpenApiDocumentTests(FinanceHost host) : IClassFixture<FinanceHost>
{
    [Fact]
    public async Task The_document_describes_the_budget_and_application_paths_and_the_required_fields()
    {
        var document = await FinanceHost.BodyAsync(await host.Json.GetAsync("/api/finance/v1/openapi.json"));

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/finance/v1/budgets", "/api/finance/v1/budgets/{year}", "/api/finance/v1/applications", "/api/finance/v1/applications/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        }

        var fields = document.GetProperty("components").GetProperty("schemas").GetProperty("llo.finance.v1.FundingApplicationFields");
        Assert.Equal(["funders", "requested", "title"], fields.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
    }
}

using Llo.Finance.Api.Applications;
using Llo.Finance.Api.Budgets;
using Llo.Finance.Api.CoFinancing;
using Llo.Finance.Api.Contributions;
using Llo.Finance.Api.Events;
using Llo.Finance.Api.Imports;
using Llo.Finance.Api.Planning;
using Llo.Finance.Api.RateCards;
using Llo.Finance.Api.Reports;
using Llo.Hosting;
using Llo.Messaging;
using Llo.Persistence;

namespace Llo.Finance.Api;

/// <summary>The finance service's wiring, shared by Program and the tests that host it on real ports.</summary>
public static class FinanceApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddLloApi(FinanceApi.Definition);
        builder.AddNpgsqlDataSource("finance-db");
        builder.AddLloMessaging().UseOutbox().AddInventoryReactions(builder.Configuration);

        // Hosted services start in this order: the schema first, then the plan's budget that needs it.
        builder.AddLloSchema(typeof(FinanceApp).Assembly, MessagingSchema.Assembly);
        builder.Services.AddHostedService<BudgetSeeder>();
        builder.Services.AddHostedService<ApplicationSeeder>();
        builder.Services.AddHostedService<RateCardSeeder>();
        builder.Services.AddHostedService<ContributionSeeder>();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapLloApi(api =>
        {
            api.MapGrpcService<BudgetService>();
            api.MapGrpcService<FundingApplicationService>();
            api.MapGrpcService<BudgetReportService>();
            api.Endpoints.MapBudgetReportDownloads();
            api.Endpoints.MapBudgetImport();
            api.MapGrpcService<RateCardService>();
            api.MapGrpcService<ContributionService>();
            api.MapGrpcService<CoFinancingRuleService>();
            api.MapGrpcService<PlanService>();
        });
        return app;
    }
}

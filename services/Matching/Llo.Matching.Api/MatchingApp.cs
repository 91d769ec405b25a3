using Llo.GrpcClients;
using Llo.Hosting;
using Llo.Matching.Api.Employers;
using Llo.Matching.Api.Extraction;
using Llo.Matching.Api.InventoryProjects;
using Llo.Matching.Api.Matches;
using Llo.Matching.Api.Privacy;
using Llo.Matching.Api.Seed;
using Llo.Matching.Api.Taxonomy;
using Llo.Matching.Api.Trainings;
using Llo.Matching.Api.Workers;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Llo.Messaging.Privacy;
using Llo.Persistence;

namespace Llo.Matching.Api;

/// <summary>The matching service's wiring, shared by Program and the tests that host it on real ports.</summary>
public static class MatchingApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddLloApi(MatchingApi.Definition);
        builder.AddNpgsqlDataSource("matching-db");
        var messaging = builder.AddLloMessaging().UseOutbox().UseAudit().AddPersonalDataOwner<MatchingPersonalData>(MatchingPersonalData.Service);

        // Hosted services start in this order: the schema, the demo twins that need it; then in the background the
        // taxonomy (the endpoints answer 503 until then) and the match index built on both.
        builder.AddLloSchema(typeof(MatchingApp).Assembly, MessagingSchema.Assembly);
        builder.Services.AddSingleton<LoadedTaxonomy>();
        builder.Services.AddSingleton<MatchEngine>();
        builder.Services.AddLloConsentCheck();
        builder.Services.AddScoped<CandidateConsent>();
        builder.Services.AddHostedService<DemoTwinSeeder>();
        builder.Services.AddHostedService<TaxonomyLoading>();
        builder.Services.AddHostedService<MatchIndexLoading>();
        messaging.AddInventoryProjects(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapLloApi(api =>
        {
            api.MapGrpcService<TaxonomyGrpcService>();
            api.MapGrpcService<SkillExtractionGrpcService>();
            api.MapGrpcService<WorkerService>();
            api.MapGrpcService<EmployerService>();
            api.MapGrpcService<TrainingService>();
            api.MapGrpcService<MatchService>();
            api.Endpoints.MapInventoryProjects(builder.Configuration);
        });
        return app;
    }
}

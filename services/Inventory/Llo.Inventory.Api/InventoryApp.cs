using Llo.Hosting;
using Llo.Inventory.Api.Agenda;
using Llo.Inventory.Api.BlindSpots;
using Llo.Inventory.Api.Desk;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Api.Privacy;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Scaling;
using Llo.Inventory.Api.Search;
using Llo.Inventory.Api.Seed;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Llo.Messaging.Privacy;
using Llo.Persistence;

namespace Llo.Inventory.Api;

/// <summary>The inventory service's wiring, shared by Program and the tests that host it on real ports.</summary>
public static class InventoryApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddLloApi(InventoryApi.Definition);
        builder.AddNpgsqlDataSource("inventory-db");
        builder.AddLloMessaging().UseOutbox().UseAudit().AddPersonalDataOwner<InventoryPersonalData>(InventoryPersonalData.Service);

        // Hosted services start in this order: the schema first, then the demo data that needs it.
        builder.AddLloSchema(typeof(InventoryApp).Assembly, MessagingSchema.Assembly);
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoSeeder>());

        builder.Services.AddSingleton<ProjectSearch>();
        builder.Services.AddSingleton<OverlapLanguage>().AddSingleton<OverlapIndex>().AddSingleton<OverlapFinder>();
        builder.Services.AddHostedService<OverlapIndexWarmUp>(); // after the schema and the demo data it reads

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapLloApi(api =>
        {
            api.MapGrpcService<ProjectGrpcService>();
            api.MapGrpcService<AgendaService>();
            api.Endpoints.MapAgendaCalendar();
            api.MapGrpcService<DeskService>();
            api.MapGrpcService<ScalingService>();
            api.MapGrpcService<BlindSpotService>();
            api.Endpoints.MapDemoDataReseed();
        });
        return app;
    }
}

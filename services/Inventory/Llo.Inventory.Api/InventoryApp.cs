using Google.Protobuf.Reflection;
using Google.Rpc;
using Llo.Inventory.Api.Agenda;
using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Api.Persistence;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Api.Search;
using Llo.Inventory.Api.Seed;
using Llo.Messaging;

namespace Llo.Inventory.Api;

/// <summary>The inventory service's wiring, shared by Program and the tests that host it on real ports.</summary>
public static class InventoryApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddNpgsqlDataSource("inventory-db");
        builder.AddLloMessaging().UseOutbox();

        // Hosted services start in this order: the schema first, then the demo data that needs it.
        builder.Services.AddSingleton<SchemaReadiness>();
        builder.Services.AddHealthChecks().AddCheck<SchemaReadiness>("inventory-schema");
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoSeeder>());

        builder.Services.AddSingleton<ProjectSearch>();
        builder.Services.AddSingleton<OverlapLanguage>().AddSingleton<OverlapIndex>().AddSingleton<OverlapFinder>();

        // The registry lets transcoding write google.rpc.BadRequest details into the JSON error body (else it fails with 500).
        builder.Services.AddGrpc().AddJsonTranscoding(options =>
            options.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcSwagger();
        builder.Services.AddEndpointsApiExplorer(); // minimal-API endpoints (agenda.ics) in the OpenAPI document too
        builder.Services.AddSwaggerGen(options =>
            options.SwaggerDoc("v1", new() { Title = "Llo inventory", Version = "v1" }));

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.UseSwagger(options => options.RouteTemplate = "api/inventory/{documentName}/openapi.json");

        // Feature services are mapped here, one line each.
        app.MapGrpcService<ProjectGrpcService>();
        app.MapGrpcService<Agenda.AgendaService>();
        app.MapAgendaCalendar();
        app.MapGrpcService<Desk.DeskService>();
        app.MapGrpcService<Scaling.ScalingService>();
        app.MapGrpcService<BlindSpots.BlindSpotService>();
        app.MapDemoDataReseed();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}

using Llo.AppHost;
using Llo.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure: containers, the machine's own servers, or external ones (Llo__Infrastructure).
var infrastructure = builder.AddLloInfrastructure();

// Services: each owns its database (<name>-db), publishes integration events through the broker,
// and gets its gateway routes by being declared here (LloServices.cs).
var inventory = builder.AddLloService<Projects.Llo_Inventory_Api>("inventory", infrastructure)
    .HoldsPersonalData()
    // Operators: the service's own endpoint, never routed by the gateway (it only forwards /api/…).
    .WithHttpCommand("/admin/demo-data:reseed", "Demo-data opnieuw laden", endpointName: "http", commandName: "reseed-demo-data",
        commandOptions: new HttpCommandOptions
        {
            Description = "Voegt de ontbrekende demo-projecten en agendapunten uit het jaarplan 2022 weer toe; wijzigt niets wat er al is.",
            IconName = "ArrowSync",
        });

// Identity: the OpenID Connect server (login page, tokens, users and organisations); demo users unless Identity__DemoUsers=false.
// It expects an answer to every export and erasure request from each service that holds personal data (PersonalData.cs).
// The audit chain's witness and the login keys' secret live outside its database (IdentityState.cs).
builder.AddLloService<Projects.Llo_Identity_Api>("identity", infrastructure)
    .WithPrivacyServices()
    .WithStateOutsideItsDatabase();

// Matching: the ESCO taxonomy (full ESCO when found as DESIGN.md §7 says, else the demo taxonomy), skill extraction,
// the twins of workers and employers and the explained matches; it holds personal data (the worker twins). It reads the
// inventory's projects over gRPC to suggest those that train a missing skill (InventoryProjectsRegistration.cs).
builder.AddLloService<Projects.Llo_Matching_Api>("matching", infrastructure)
    .WithReference(inventory)
    .HoldsPersonalData();

// Finance: the budget and the funding applications; the plan's budget 2022-2024 seeded.
builder.AddLloService<Projects.Llo_Finance_Api>("finance", infrastructure);

// Gateway: the one public entry, JSON on 8080 and gRPC (h2c) on 8081, routing every service above.
builder.AddProject<Projects.Llo_Gateway>("gateway")
    .WithHttpAndGrpcEndpoints(
        httpPort: builder.Configuration.GetValue("Llo:Ports:Gateway", 8080),
        grpcPort: builder.Configuration.GetValue("Llo:Ports:GatewayGrpc", 8081))
    .WithRoutesToLloServices()
    .WithHttpHealthCheck("/health", endpointName: "http")
    .WithExternalHttpEndpoints()
    // Tokens name the gateway as their issuer: every service and the gateway learn its address (IdentityIssuer.cs).
    .WithIdentityIssuer();

builder.Build().Run();

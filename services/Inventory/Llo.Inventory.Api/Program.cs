using Llo.Inventory.Api.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDataSource("inventory-db");
builder.Services.AddHostedService<SchemaInitializer>();

builder.Services.AddGrpc().AddJsonTranscoding();
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks();
builder.Services.AddGrpcSwagger();
builder.Services.AddSwaggerGen(options =>
    options.SwaggerDoc("v1", new() { Title = "Llo inventory", Version = "v1" }));

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseSwagger(options => options.RouteTemplate = "api/inventory/{documentName}/openapi.json");

app.MapGrpcReflectionService();
app.MapGrpcHealthChecksService();

app.Run();

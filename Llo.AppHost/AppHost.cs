var builder = DistributedApplication.CreateBuilder(args);

var inventory = builder.AddProject<Projects.Llo_Inventory_Api>("inventory");
builder.AddProject<Projects.Llo_Gateway>("gateway")
    .WithReference(inventory);

builder.Build().Run();

using Llo.Gateway;

// The front door: /api/<service>/… (JSON) and gRPC to the services, / to the web front end.
// Gateway.cs lists the concerns in pipeline order; each lives in its own file.
var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.UseGateway();
app.Run();

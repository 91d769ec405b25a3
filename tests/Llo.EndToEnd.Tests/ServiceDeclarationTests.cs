using Llo.AppHost;
using Llo.AppHost.Infrastructure;

namespace Llo.EndToEnd.Tests;

/// <summary>
/// A service is declared once, in AppHost.cs: its database, the gateway's routes and External mode's
/// connection strings follow from that one block. Checked on the model, built but never started.
/// A second service is modelled with the inventory's project under another name: only the names matter here.
/// </summary>
public sealed class ServiceDeclarationTests
{
    private static readonly string Root = LloAppFixture.FindRepositoryRoot();
    private static readonly string ServiceProject = Path.Combine(Root, "services/Inventory/Llo.Inventory.Api/Llo.Inventory.Api.csproj");
    private static readonly string GatewayProject = Path.Combine(Root, "gateway/Llo.Gateway/Llo.Gateway.csproj");

    [Fact]
    public async Task A_second_declared_service_gets_its_own_database_and_the_gateways_routes()
    {
        var builder = ModelBuilder("--Llo:Infrastructure=Containers");
        var infrastructure = builder.AddLloInfrastructure();
        builder.AddProject("inventory", ServiceProject).AsLloService(infrastructure);
        var careerRoute = builder.AddProject("career-route", ServiceProject).AsLloService(infrastructure);
        var gateway = builder.AddProject("gateway", GatewayProject).WithRoutesToLloServices();

        var database = Assert.IsType<PostgresDatabaseResource>(builder.Resources.Single(r => r.Name == "career-route-db"));
        Assert.Equal("career-route", database.DatabaseName);
        var serviceEnvironment = await EnvironmentOf(careerRoute.Resource);
        Assert.Contains("ConnectionStrings__career-route-db", serviceEnvironment.Keys);
        Assert.DoesNotContain("ConnectionStrings__inventory-db", serviceEnvironment.Keys);

        var gatewayEnvironment = await EnvironmentOf(gateway.Resource);
        Assert.Equal("inventory", gatewayEnvironment["Gateway__Services__0"]);
        Assert.Equal("career-route", gatewayEnvironment["Gateway__Services__1"]);
        Assert.Contains("services__career-route__http__0", gatewayEnvironment.Keys);
        Assert.Contains("services__career-route__grpc__0", gatewayEnvironment.Keys);
        Assert.Contains(gateway.Resource.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource.Name == "career-route");
    }

    [Fact]
    public void External_mode_requires_the_connection_string_of_every_declared_service()
    {
        var builder = ModelBuilder(
            "--Llo:Infrastructure=External",
            "--ConnectionStrings:messaging=amqp://broker.example/",
            "--ConnectionStrings:inventory-db=Host=db.example;Database=inventory");
        var infrastructure = builder.AddLloInfrastructure();
        builder.AddProject("inventory", ServiceProject).AsLloService(infrastructure);

        var missing = Assert.Throws<PrerequisiteException>(() =>
            builder.AddProject("career-route", ServiceProject).AsLloService(infrastructure));

        Assert.Contains("ConnectionStrings__career-route-db", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_hosts_gateway_routes_exactly_the_services_AppHost_declares()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
            ["--Llo:Infrastructure=Containers"]);

        var declared = LloServices.Declared(builder.Resources).Select(service => service.Name).ToList();
        var gateway = Assert.IsAssignableFrom<IResourceWithEnvironment>(builder.Resources.Single(r => r.Name == "gateway"));
        var environment = await EnvironmentOf(gateway);
        var routed = environment.Where(pair => pair.Key.StartsWith("Gateway__Services__", StringComparison.Ordinal))
            .OrderBy(pair => int.Parse(pair.Key["Gateway__Services__".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(pair => pair.Value).ToList();

        Assert.Contains("inventory", declared);
        Assert.Equal(declared, routed);
    }

    [Fact]
    public async Task The_app_host_has_its_own_log_levels()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
            ["--Llo:Infrastructure=Containers"]);

        // Llo.AppHost/appsettings.json is read (only that file names the "Llo" category).
        Assert.Equal("Information", builder.Configuration["Logging:LogLevel:Llo"]);
    }

    [Fact]
    public async Task Identity_gets_its_audit_witness_and_login_key_secret_outside_its_database_the_same_on_every_start()
    {
        var state = Path.Combine(Path.GetTempPath(), $"llo-identity-state-{Guid.NewGuid():N}");
        try
        {
            async Task<IReadOnlyDictionary<string, string>> IdentityEnvironment()
            {
                var builder = ModelBuilder("--Llo:Infrastructure=Containers", $"--Llo:StateDirectory={state}");
                var identity = builder.AddProject("identity", ServiceProject).WithStateOutsideItsDatabase();
                return await EnvironmentOf(identity.Resource);
            }

            var first = await IdentityEnvironment();
            var second = await IdentityEnvironment();

            Assert.Equal(Path.Combine(state, "identity", "audit-witness.log"), first["Identity__Audit__WitnessPath"]);
            Assert.Equal(32, Convert.FromBase64String(first["Identity__Keys__AtRestKey"]).Length);
            // Kept in a private file: a new secret on every start would make the stored login keys unreadable.
            Assert.Equal(first["Identity__Keys__AtRestKey"], second["Identity__Keys__AtRestKey"]);
            var file = new FileInfo(Path.Combine(state, "secrets", "identity-login-keys.key"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, file.UnixFileMode);
        }
        finally
        {
            if (Directory.Exists(state)) Directory.Delete(state, recursive: true);
        }
    }

    // An empty model of the app host's assembly (its directory, its configuration), to declare services into.
    private static IDistributedApplicationBuilder ModelBuilder(params string[] args) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = args,
            AssemblyName = typeof(LloServices).Assembly.GetName().Name,
            ProjectDirectory = Path.Combine(Root, "Llo.AppHost"),
            DisableDashboard = true,
        });

    // Publish mode: references stay expressions, so nothing needs an allocated port or a running server.
    private static async Task<IReadOnlyDictionary<string, string>> EnvironmentOf(IResource resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish),
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        return configuration.EnvironmentVariables.ToDictionary(pair => pair.Key, pair => pair.Value);
    }
}

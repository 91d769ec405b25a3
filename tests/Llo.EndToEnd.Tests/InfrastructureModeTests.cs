using Llo.AppHost.Infrastructure;

namespace Llo.EndToEnd.Tests;

/// <summary>
/// The app host's model in the modes these machines cannot run (no container engine here): built, never started,
/// so what Containers and External mode would hand to Aspire is checked without a runtime.
/// Processes mode is booted for real by <see cref="PlatformTests"/>.
/// </summary>
public sealed class InfrastructureModeTests
{
    [Fact]
    public async Task Containers_mode_models_Aspire_PostgreSQL_with_one_database_per_service_and_Aspire_RabbitMQ()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
            ["--Llo:Infrastructure=Containers"]);

        Assert.IsType<PostgresServerResource>(Resource(builder, "postgres"));
        var database = Assert.IsType<PostgresDatabaseResource>(Resource(builder, "inventory-db"));
        Assert.Equal("inventory", database.DatabaseName);
        Assert.IsType<RabbitMQServerResource>(Resource(builder, "messaging"));
    }

    [Fact]
    public async Task External_mode_hands_the_operators_connection_strings_to_the_services_and_starts_no_server()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
        [
            "--Llo:Infrastructure=External",
            "--ConnectionStrings:inventory-db=Host=db.example;Database=inventory",
            "--ConnectionStrings:identity-db=Host=db.example;Database=identity",
            "--ConnectionStrings:matching-db=Host=db.example;Database=matching",
            "--ConnectionStrings:finance-db=Host=db.example;Database=finance",
            "--ConnectionStrings:messaging=amqp://broker.example/",
        ]);

        Assert.Equal("Host=db.example;Database=inventory", await ConnectionString(builder, "inventory-db"));
        Assert.Equal("amqp://broker.example/", await ConnectionString(builder, "messaging"));
        Assert.DoesNotContain(builder.Resources, r => r is ContainerResource or PostgresProcessResource or RabbitMqProcessResource);
    }

    [Fact]
    public async Task External_mode_without_a_connection_string_stops_with_one_sentence_naming_it()
    {
        var missing = await Assert.ThrowsAsync<PrerequisiteException>(async () =>
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
                ["--Llo:Infrastructure=External", "--ConnectionStrings:messaging=amqp://broker.example/"]);
        });

        Assert.Contains("ConnectionStrings__inventory-db", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_with_the_three_that_exist()
    {
        var refused = await Assert.ThrowsAsync<PrerequisiteException>(async () =>
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Llo_AppHost>(
                ["--Llo:Infrastructure=Kubernetes"]);
        });

        Assert.Contains("Containers, Processes or External", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> ConnectionString(IDistributedApplicationTestingBuilder builder, string name) =>
        await Assert.IsAssignableFrom<IResourceWithConnectionString>(Resource(builder, name)).GetConnectionStringAsync();

    private static IResource Resource(IDistributedApplicationTestingBuilder builder, string name) =>
        builder.Resources.SingleOrDefault(r => r.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"No resource '{name}' in the model: {string.Join(", ", builder.Resources.Select(r => r.Name))}");
}

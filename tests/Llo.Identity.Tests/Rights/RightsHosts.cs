using System.Net.Http.Headers;
using System.Text.Json;
using Llo.Inventory.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Identity.Tests.Rights;

/// <summary>
/// Identity and the inventory side by side on the test broker, each under a privacy name of its own (so the other test
/// hosts on the broker never take their requests or answers); identity expects the inventory's answers.
/// </summary>
public sealed class RightsHosts : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public RightsHosts()
    {
        Inventory.Settings["Llo:Privacy:Service"] = InventoryName;
        Identity.Settings["Llo:Privacy:Service"] = IdentityName;
        Identity.Settings["Llo:Privacy:Services:0"] = InventoryName;
    }

    public string InventoryName => "inventory-" + _suffix;

    public string IdentityName => "identity-" + _suffix;

    public IdentityHost Identity { get; } = new();

    public InventoryHost Inventory { get; } = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), Inventory.InitializeAsync());
        // A request published before the queues are bound would be lost: wait for every consumer.
        foreach (var queue in new[]
        {
            $"{InventoryName}.privacy-erasure-requests", $"{InventoryName}.privacy-export-requests",
            $"{IdentityName}.privacy-erasures", $"{IdentityName}.privacy-exports",
        })
        {
            await TestBroker.WaitForConsumerAsync(queue, TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync()
    {
        await Identity.DisposeAsync();
        await Inventory.DisposeAsync();
    }

    /// <summary>A JSON client of identity acting as the demo user <paramref name="userName"/>.</summary>
    public async Task<HttpClient> AsAsync(string userName, string scope = "openid identity.read identity.write")
    {
        var token = (await Identity.PasswordTokenAsync(userName, scope)).GetProperty("access_token").GetString();
        var client = Identity.JsonWith(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Polls GET <paramref name="path"/> until the request is complete (a minute at most).</summary>
    public static async Task<JsonElement> CompleteAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var request = await IdentityHost.SuccessAsync(await client.GetAsync(path));
            if (request.TryGetProperty("complete", out var complete) && complete.GetBoolean())
            {
                return request;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Not complete within a minute: {request}");
            await Task.Delay(200);
        }
    }

    /// <summary>The inventory with demo seeding off; the tests put contact persons straight into its tables.</summary>
    public sealed class InventoryHost : ServiceTestHost
    {
        public InventoryHost() : base("inventory-db") => Settings["Inventory:SeedDemoData"] = "false";

        protected override WebApplication Build(string[] args) => InventoryApp.Build(args);
    }
}

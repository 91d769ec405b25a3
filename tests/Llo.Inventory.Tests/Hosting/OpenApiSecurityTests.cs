using System.Text.Json;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Hosting;

/// <summary>The inventory's OpenAPI document says how to authenticate: public reads ask nothing, writes ask what their policy asks.</summary>
public sealed class OpenApiSecurityTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Api = "/api/inventory/v1";

    private async Task<JsonElement> DocumentAsync() =>
        JsonDocument.Parse(await host.Json.GetStringAsync($"{Api}/openapi.json")).RootElement.Clone();

    [Fact]
    public async Task Public_reads_ask_for_no_token_and_writes_ask_for_one_with_their_policys_scope()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        Assert.Equal("openIdConnect", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oidc").GetProperty("type").GetString());
        foreach (var read in new[] { $"{Api}/projects", $"{Api}/agendaItems", $"{Api}/agenda.ics", $"{Api}/blindSpots" })
        {
            Assert.False(paths.GetProperty(read).GetProperty("get").TryGetProperty("security", out _), $"GET {read} asks for a token");
        }

        Assert.False(paths.GetProperty($"{Api}/deskQuestions").GetProperty("post").TryGetProperty("security", out _), "submitting a desk question is anonymous");

        var register = paths.GetProperty($"{Api}/projects").GetProperty("post");
        Assert.Equal(["inventory.write"], register.GetProperty("security")[0].GetProperty("oidc").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["partner-editor", "project-leader", "programme-manager"], register.GetProperty("x-llo-roles").EnumerateArray().Select(r => r.GetString()));

        // A desk question with its contact is for programme staff only, never a partner system: a token, without a partner scope.
        var inbox = paths.GetProperty($"{Api}/deskQuestions/{{id}}").GetProperty("get");
        Assert.Empty(inbox.GetProperty("security")[0].GetProperty("oidc").EnumerateArray());
        Assert.Equal(["programme-manager", "project-leader"], inbox.GetProperty("x-llo-roles").EnumerateArray().Select(r => r.GetString()));
    }
}

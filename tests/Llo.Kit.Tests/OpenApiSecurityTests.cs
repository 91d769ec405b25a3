using System.Text.Json;

namespace Llo.Kit.Tests;

/// <summary>The OpenAPI document says how to authenticate, and per operation what its policy asks.</summary>
public sealed class OpenApiSecurityTests(KitSampleHost host) : IClassFixture<KitSampleHost>
{
    private const string Notes = "/api/kitsample/v1/notes";

    private async Task<JsonElement> DocumentAsync() =>
        await KitSampleHost.SuccessAsync(await host.JsonAs(null).GetAsync("/api/kitsample/v1/openapi.json"));

    [Fact]
    public async Task The_document_names_the_gateways_discovery_document_and_a_bearer_token()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        var oidc = schemes.GetProperty("oidc");
        Assert.Equal("openIdConnect", oidc.GetProperty("type").GetString());
        Assert.Equal(host.Issuer.Name + ".well-known/openid-configuration", oidc.GetProperty("openIdConnectUrl").GetString());
        var bearer = schemes.GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("JWT", bearer.GetProperty("bearerFormat").GetString());
    }

    [Fact]
    public async Task An_anonymous_read_asks_nothing_and_a_protected_write_asks_its_policys_scope_and_roles()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var list = paths.GetProperty(Notes).GetProperty("get");
        Assert.False(list.TryGetProperty("security", out _), list.ToString());
        Assert.False(paths.GetProperty(Notes + "/{id}").GetProperty("get").TryGetProperty("security", out _));

        foreach (var write in new[] { paths.GetProperty(Notes).GetProperty("post"), paths.GetProperty(Notes + "/{id}").GetProperty("patch") })
        {
            var requirements = write.GetProperty("security").EnumerateArray().ToList();
            Assert.Equal(2, requirements.Count);
            Assert.Equal(["kitsample.write"], requirements[0].GetProperty("oidc").EnumerateArray().Select(s => s.GetString()));
            Assert.Empty(requirements[1].GetProperty("bearer").EnumerateArray());
            Assert.Equal(["programme-manager"], write.GetProperty("x-llo-roles").EnumerateArray().Select(r => r.GetString()));
        }
    }
}

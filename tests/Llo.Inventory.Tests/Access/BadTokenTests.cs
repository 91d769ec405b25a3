using System.Net;
using System.Net.Http.Headers;
using Llo.Hosting.Access;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;
using static Llo.Inventory.Tests.Access.AccessRequests;
using static Llo.Testing.EndpointCatalogue;

namespace Llo.Inventory.Tests.Access;

/// <summary>A write with a token the service must not trust is answered 401 Unauthenticated, whatever is wrong with it.</summary>
public sealed class BadTokenTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private static TestToken Editor => InventoryHost.User(TestOrganisations.One, LloRoles.PartnerEditor);

    private Task<HttpResponseMessage> CreateAgendaItemAsync(string? accessToken) =>
        host.JsonWith(accessToken).SendAsync(Json(HttpMethod.Post, $"{ApiRoot}/agendaItems", AgendaItem()));

    public static TheoryData<string> BadTokens() =>
        ["expired", "for another service", "from another issuer", "signed by a stranger", "unsigned (alg none)", "an id token, not an access token", "not a JWT"];

    private string Make(string kind) => kind switch
    {
        "expired" => host.Issuer.Token(Editor with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-5) }),
        "for another service" => host.Issuer.Token(Editor with { Audiences = ["llo-finance"] }),
        "from another issuer" => host.Issuer.Token(Editor with { Issuer = "http://elders.example/" }),
        "signed by a stranger" => host.Issuer.TokenSignedByStranger(Editor),
        "unsigned (alg none)" => host.Issuer.UnsignedToken(Editor),
        "an id token, not an access token" => host.Issuer.Token(Editor with { Type = "JWT" }),
        "not a JWT" => "dit-is-geen-token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Fact]
    public async Task A_valid_token_of_a_partner_editor_is_accepted()
    {
        var response = await CreateAgendaItemAsync(host.Issuer.Token(Editor));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_with_401_in_the_one_error_shape(string kind)
    {
        var response = await CreateAgendaItemAsync(Make(kind));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(16, await ErrorCodeAsync(response));
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter);
        Assert.Contains("Het toegangstoken is ongeldig of verlopen", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_token_a_write_asks_to_log_in()
    {
        var response = await CreateAgendaItemAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(new AuthenticationHeaderValue("Bearer"), Assert.Single(response.Headers.WwwAuthenticate));
        Assert.Contains("Log eerst in", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_keys_are_cached_and_fetched_again_for_a_key_the_service_has_not_seen()
    {
        Assert.Equal(HttpStatusCode.OK, (await CreateAgendaItemAsync(host.Issuer.Token(Editor))).StatusCode);
        var fetched = host.Issuer.KeyRequests;
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await CreateAgendaItemAsync(host.Issuer.Token(Editor))).StatusCode);
        }

        Assert.Equal(fetched, host.Issuer.KeyRequests);

        host.Issuer.RotateKey();
        var rotated = host.Issuer.Token(Editor);
        // The first request with the new kid asks for a refresh; the key set is fetched again within the refresh interval.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await CreateAgendaItemAsync(rotated)).StatusCode;
            if (status != HttpStatusCode.OK) await Task.Delay(500);
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(host.Issuer.KeyRequests > fetched);
    }
}

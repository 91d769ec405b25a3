using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace Llo.Identity.Tests;

/// <summary>The identity API under /api/identity/v1: who may do what, bad input named by field, the invitation flow.</summary>
public sealed class IdentityApiTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Org1 = "11111111-1111-4111-8111-111111111111";

    [Fact]
    public async Task Without_a_token_the_API_answers_401_and_a_role_without_administration_403_in_the_one_error_shape()
    {
        using var anonymous = await host.Json.GetAsync("/api/identity/v1/users");
        using var coach = await AsAsync("coach@demo1.llo.test");
        using var forbidden = await coach.GetAsync("/api/identity/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(16, (await IdentityHost.BodyAsync(anonymous)).GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(7, (await IdentityHost.BodyAsync(forbidden)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_administrator_lists_only_the_users_of_their_own_organisation_and_gets_403_for_another_ones_user()
    {
        using var manager1 = await AsAsync("programme-manager@demo1.llo.test");
        using var manager2 = await AsAsync("programme-manager@demo2.llo.test");

        var users = await IdentityHost.SuccessAsync(await manager1.GetAsync("/api/identity/v1/users?pageSize=200"));
        var emails = users.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("email").GetString()!).ToList();
        var someone = users.GetProperty("users")[0].GetProperty("id").GetString();
        using var otherOrganisation = await manager2.GetAsync($"/api/identity/v1/users/{someone}");

        Assert.Contains("coach@demo1.llo.test", emails);
        Assert.All(emails, email => Assert.EndsWith("@demo1.llo.test", email));
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganisation.StatusCode);
    }

    [Fact]
    public async Task Assigning_roles_checks_each_role_and_the_version()
    {
        using var operatorClient = await AsAsync("operator@demo1.llo.test");
        var user = await FindUserAsync(operatorClient, "worker@demo1.llo.test");
        var id = user.GetProperty("id").GetString();

        using var bad = await operatorClient.PostAsJsonAsync($"/api/identity/v1/users/{id}:assignRoles", new { roles = new[] { "worker", "koning" }, version = 1 });
        var changed = await IdentityHost.SuccessAsync(await operatorClient.PostAsJsonAsync(
            $"/api/identity/v1/users/{id}:assignRoles", new { roles = new[] { "worker", "coach" }, version = 1 }));
        using var stale = await operatorClient.PostAsJsonAsync($"/api/identity/v1/users/{id}:assignRoles", new { roles = new[] { "worker" }, version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["roles[1]"], FieldsOf(await IdentityHost.BodyAsync(bad)));
        Assert.Equal(2, changed.GetProperty("version").GetInt64());
        Assert.Equal(["coach", "worker"], changed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var token = Jwt.Payload((await host.PasswordTokenAsync("worker@demo1.llo.test")).GetProperty("access_token").GetString()!);
        Assert.Equal(["coach", "worker"], Jwt.Values(token, "role").Order());
    }

    [Fact]
    public async Task An_invitation_is_accepted_once_with_a_password_and_the_new_user_can_log_in_with_the_invited_roles()
    {
        using var manager = await AsAsync("programme-manager@demo1.llo.test");
        var created = await IdentityHost.SuccessAsync(await manager.PostAsJsonAsync("/api/identity/v1/invitations",
            new { email = "nieuwe.coach@schiedam.example.nl", roles = new[] { "coach" } }));
        var token = created.GetProperty("token").GetString()!;

        var accepted = await IdentityHost.SuccessAsync(await host.Json.PostAsJsonAsync("/api/identity/v1/invitations:accept",
            new { token, displayName = "Nieuwe Coach", password = "een-lang-wachtwoord" }));
        using var again = await host.Json.PostAsJsonAsync("/api/identity/v1/invitations:accept",
            new { token, displayName = "Nog eens", password = "een-lang-wachtwoord" });
        using var login = await host.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", "nieuwe.coach@schiedam.example.nl"), ("password", "een-lang-wachtwoord"), ("scope", "openid"));
        var storedHash = await host.Database.DataSource.CreateConnection()
            .ExecuteScalarAsync<byte[]>("SELECT token_hash FROM invitations WHERE email = 'nieuwe.coach@schiedam.example.nl'");

        Assert.Equal(Org1, accepted.GetProperty("organisationId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("al gebruikt", (await IdentityHost.BodyAsync(again)).GetProperty("message").GetString());
        var claims = Jwt.Payload((await IdentityHost.SuccessAsync(login)).GetProperty("access_token").GetString()!);
        Assert.Equal(["coach"], Jwt.Values(claims, "role"));
        Assert.Equal(32, storedHash!.Length);
        Assert.DoesNotContain(token, System.Text.Encoding.ASCII.GetString(storedHash));
    }

    [Fact]
    public async Task An_expired_invitation_and_an_unknown_token_are_refused_with_a_clear_message()
    {
        using var manager = await AsAsync("operator@demo2.llo.test");
        var created = await IdentityHost.SuccessAsync(await manager.PostAsJsonAsync("/api/identity/v1/invitations",
            new { email = "laat@maassluis.example.nl", roles = new[] { "hr-manager" } }));
        await host.Database.DataSource.CreateConnection().ExecuteAsync(
            "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'laat@maassluis.example.nl'");

        using var expired = await host.Json.PostAsJsonAsync("/api/identity/v1/invitations:accept",
            new { token = created.GetProperty("token").GetString(), displayName = "Te Laat", password = "een-lang-wachtwoord" });
        using var unknown = await host.Json.PostAsJsonAsync("/api/identity/v1/invitations:accept",
            new { token = new string('A', 43), displayName = "Niemand", password = "een-lang-wachtwoord" });

        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("verlopen", (await IdentityHost.BodyAsync(expired)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_400_naming_every_field_in_Dutch()
    {
        using var manager = await AsAsync("programme-manager@demo2.llo.test");
        using var invitation = await manager.PostAsJsonAsync("/api/identity/v1/invitations",
            new { email = "geen-adres", roles = new[] { "baas" } });
        using var accept = await host.Json.PostAsJsonAsync("/api/identity/v1/invitations:accept",
            new { token = "kort", displayName = "", password = "kort" });
        using var client = await manager.PostAsJsonAsync("/api/identity/v1/clients", new { displayName = "", scopes = new[] { "alles" } });

        Assert.Equal(["invitation.email", "invitation.roles[0]"], FieldsOf(await IdentityHost.BodyAsync(invitation)));
        Assert.Equal(["displayName", "password", "token"], FieldsOf(await IdentityHost.BodyAsync(accept)).Order());
        Assert.Equal(["client.displayName", "client.scopes[0]"], FieldsOf(await IdentityHost.BodyAsync(client)));
        Assert.Contains("e-mailadres", (await IdentityHost.BodyAsync(invitation)).GetProperty("details")[0].GetProperty("fieldViolations")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_new_partner_client_gets_its_secret_once_and_client_credentials_tokens_for_its_organisation_and_scopes()
    {
        using var manager = await AsAsync("programme-manager@demo2.llo.test");
        var created = await IdentityHost.SuccessAsync(await manager.PostAsJsonAsync("/api/identity/v1/clients",
            new { displayName = "Roostersysteem Maassluis", scopes = new[] { "hr-network.read" } }));
        var clientId = created.GetProperty("client").GetProperty("clientId").GetString()!;

        var token = await IdentityHost.SuccessAsync(await host.TokenAsync(("grant_type", "client_credentials"), ("client_id", clientId),
            ("client_secret", created.GetProperty("clientSecret").GetString()!), ("scope", "hr-network.read")));
        var listed = await IdentityHost.SuccessAsync(await manager.GetAsync("/api/identity/v1/clients"));
        using var other = await AsAsync("programme-manager@demo1.llo.test");
        var otherList = await IdentityHost.SuccessAsync(await other.GetAsync("/api/identity/v1/clients"));

        var claims = Jwt.Payload(token.GetProperty("access_token").GetString()!);
        Assert.Equal("22222222-2222-4222-8222-222222222222", claims.GetProperty("org").GetString());
        Assert.Equal(["llo-hr-network"], Jwt.Values(claims, "aud"));
        Assert.Contains(clientId, listed.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("clientId").GetString()));
        Assert.DoesNotContain(listed.GetProperty("clients").EnumerateArray(), c => c.TryGetProperty("clientSecret", out _));
        Assert.DoesNotContain(clientId, otherList.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("clientId").GetString()));
        Assert.Contains("demo-partner", otherList.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("clientId").GetString()));
    }

    [Fact]
    public async Task Operators_register_organisations_a_name_twice_is_409_and_others_may_only_read_them()
    {
        using var operatorClient = await AsAsync("operator@demo1.llo.test");
        using var coach = await AsAsync("coach@demo2.llo.test");

        var created = await IdentityHost.SuccessAsync(await operatorClient.PostAsJsonAsync("/api/identity/v1/organisations", new { name = "Techniekcampus Vlaardingen" }));
        using var twice = await operatorClient.PostAsJsonAsync("/api/identity/v1/organisations", new { name = "techniekcampus vlaardingen" });
        using var notAllowed = await coach.PostAsJsonAsync("/api/identity/v1/organisations", new { name = "Eigen Club" });
        var read = await IdentityHost.SuccessAsync(await coach.GetAsync($"/api/identity/v1/organisations/{created.GetProperty("id").GetString()}"));
        var list = await IdentityHost.SuccessAsync(await coach.GetAsync("/api/identity/v1/organisations"));

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        Assert.Equal("Techniekcampus Vlaardingen", read.GetProperty("fields").GetProperty("name").GetString());
        Assert.Contains("Gemeente Demo-Schiedam", list.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("fields").GetProperty("name").GetString()));
    }

    private async Task<HttpClient> AsAsync(string user)
    {
        var token = await host.PasswordTokenAsync(user, "openid identity.read identity.write");
        var client = new HttpClient { BaseAddress = host.Json.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    private static async Task<JsonElement> FindUserAsync(HttpClient client, string email)
    {
        var users = await IdentityHost.SuccessAsync(await client.GetAsync("/api/identity/v1/users?pageSize=200"));
        return users.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("email").GetString() == email);
    }

    private static List<string> FieldsOf(JsonElement error) =>
        [.. error.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()!)];
}

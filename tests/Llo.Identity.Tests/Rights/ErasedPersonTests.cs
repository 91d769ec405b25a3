using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Llo.Identity.Tests.Rights;

/// <summary>
/// After an erasure the person is gone for identity: their refresh token and their password are refused, and the access
/// token they still hold dies within the short access-token lifetime (default 5 minutes).
/// </summary>
public sealed class ErasedPersonTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Person = "partner-editor@demo1.llo.test";

    [Fact]
    public async Task An_erased_persons_refresh_token_and_login_are_refused_and_their_access_token_lives_five_minutes()
    {
        var before = await host.PasswordTokenAsync(Person, "openid offline_access identity.read");
        var refreshToken = before.GetProperty("refresh_token").GetString()!;
        // A second session of the same person shows that refreshing works until the erasure (a used refresh token is
        // rotated away, so the first session's token is kept unused for after it).
        var control = await host.PasswordTokenAsync(Person, "openid offline_access identity.read");
        using (var refreshBefore = await RefreshAsync(control.GetProperty("refresh_token").GetString()!))
        {
            Assert.True(refreshBefore.IsSuccessStatusCode, await refreshBefore.Content.ReadAsStringAsync());
        }

        var userId = Jwt.Payload(before.GetProperty("access_token").GetString()!).GetProperty("sub").GetString();
        var officerToken = await host.PasswordTokenAsync("privacy-officer@demo1.llo.test", "openid identity.read identity.write");
        using var officer = host.JsonWith(null);
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officerToken.GetProperty("access_token").GetString());
        await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync("/api/identity/v1/erasureRequests", new { userId }));

        using var refreshAfter = await RefreshAsync(refreshToken);
        using var login = await host.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", Person), ("password", "Demo-wachtwoord-1"), ("scope", "openid"));
        var loginError = await IdentityHost.BodyAsync(login);
        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", before.GetProperty("access_token").GetString());
        using var userInfoAfter = await host.Json.SendAsync(userInfo);

        Assert.Equal(HttpStatusCode.BadRequest, refreshAfter.StatusCode);
        Assert.Equal("invalid_grant", (await IdentityHost.BodyAsync(refreshAfter)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Equal("invalid_grant", loginError.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, userInfoAfter.StatusCode);
        Assert.InRange(before.GetProperty("expires_in").GetInt32(), 240, 300);
        var lifetime = Jwt.Payload(before.GetProperty("access_token").GetString()!);
        Assert.InRange(lifetime.GetProperty("exp").GetInt64() - lifetime.GetProperty("iat").GetInt64(), 240, 300);
    }

    [Fact]
    public async Task The_refresh_of_an_erased_person_is_refused_even_when_their_token_rows_survived()
    {
        var before = await host.PasswordTokenAsync("coach@demo1.llo.test", "openid offline_access");
        var userId = Jwt.Payload(before.GetProperty("access_token").GetString()!).GetProperty("sub").GetString();
        // As if the erasure had missed the sessions: only the account is anonymised.
        await using (var command = host.Database.DataSource.CreateCommand("UPDATE users SET erased_at = now() WHERE user_id = @id"))
        {
            command.Parameters.AddWithValue("id", Guid.Parse(userId!));
            await command.ExecuteNonQueryAsync();
        }

        using var refreshAfter = await RefreshAsync(before.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, refreshAfter.StatusCode);
        Assert.Equal("invalid_grant", (await IdentityHost.BodyAsync(refreshAfter)).GetProperty("error").GetString());
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        host.TokenAsync(("grant_type", "refresh_token"), ("client_id", "llo-cli"), ("refresh_token", refreshToken));
}

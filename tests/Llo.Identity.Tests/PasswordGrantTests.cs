using System.Diagnostics;
using System.Net;
using Dapper;

namespace Llo.Identity.Tests;

/// <summary>
/// The demo users' password grant (llo-cli): the contract's claims, lockout after five failures, and one answer for an
/// unknown user and a wrong password.
/// </summary>
public sealed class PasswordGrantTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task A_demo_users_access_token_carries_user_id_organisation_roles_and_one_audience_per_service_scope()
    {
        var answer = await host.PasswordTokenAsync("hr-manager@demo2.llo.test", "openid profile inventory.write identity.read offline_access");
        var payload = Jwt.Payload(answer.GetProperty("access_token").GetString()!);

        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
        Assert.Equal("22222222-2222-4222-8222-222222222222", payload.GetProperty("org").GetString());
        Assert.Equal(["hr-manager"], Jwt.Values(payload, "role"));
        Assert.Equal(["llo-identity", "llo-inventory"], Jwt.Values(payload, "aud").Order());
        Assert.False(payload.TryGetProperty("name", out _), "the display name stays out of the access token");
        Assert.True(answer.TryGetProperty("refresh_token", out _));
        var idToken = Jwt.Payload(answer.GetProperty("id_token").GetString()!);
        Assert.Equal("HR-manager Demo-Maassluis", idToken.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        using var unknown = await PasswordAsync("niemand@demo1.llo.test", "Demo-wachtwoord-1");
        using var wrong = await PasswordAsync("coach@demo1.llo.test", "fout-wachtwoord");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());
        Assert.Contains("invalid_grant", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_user_costs_a_password_hash_like_a_wrong_password_so_timing_does_not_tell_them_apart()
    {
        await PasswordAsync("niemand@demo1.llo.test", "x");
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            unknown.Add(await TimedAsync("niemand@demo1.llo.test"));
            wrong.Add(await TimedAsync("counsellor@demo1.llo.test"));
        }

        // Without the decoy hash an unknown user answers in about a millisecond, a known one after a PBKDF2 verification.
        Assert.True(unknown.Order().ElementAt(1) > wrong.Order().ElementAt(1) * 0.4,
            $"unknown {string.Join(",", unknown)} ms, wrong password {string.Join(",", wrong)} ms");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_for_the_right_password()
    {
        const string user = "parent@demo2.llo.test";
        for (var i = 0; i < 5; i++)
        {
            using var failed = await PasswordAsync(user, "fout-wachtwoord");
            Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        }

        using var locked = await PasswordAsync(user, "Demo-wachtwoord-1");
        var lockedUntil = await host.Database.DataSource.CreateConnection()
            .ExecuteScalarAsync<DateTime>("SELECT locked_until FROM users WHERE email = @user", new { user });

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.InRange(lockedUntil - DateTime.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));

        // Once the lock has passed the right password works again.
        await host.Database.DataSource.CreateConnection()
            .ExecuteAsync("UPDATE users SET locked_until = now() - interval '1 second' WHERE email = @user", new { user });
        await host.PasswordTokenAsync(user);
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_succeed_and_start_the_count_again()
    {
        const string user = "worker@demo2.llo.test";
        for (var i = 0; i < 4; i++)
        {
            (await PasswordAsync(user, "fout-wachtwoord")).Dispose();
        }

        await host.PasswordTokenAsync(user);
        var failures = await host.Database.DataSource.CreateConnection()
            .ExecuteScalarAsync<int>("SELECT failed_logins FROM users WHERE email = @user", new { user });
        Assert.Equal(0, failures);
    }

    private Task<HttpResponseMessage> PasswordAsync(string user, string password) =>
        host.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"), ("username", user), ("password", password), ("scope", "openid"));

    private async Task<double> TimedAsync(string user)
    {
        var watch = Stopwatch.StartNew();
        (await PasswordAsync(user, "fout-wachtwoord")).Dispose();
        return watch.Elapsed.TotalMilliseconds;
    }
}

using System.Net;
using Dapper;

namespace Llo.Identity.Tests;

/// <summary>With Identity:DemoUsers=false there are no demo users, no demo clients and no password grant.</summary>
public sealed class DemoUsersOffTests : IClassFixture<DemoUsersOffTests.Host>
{
    public sealed class Host : IdentityHost
    {
        public Host() => Settings["Identity:DemoUsers"] = "false";
    }

    private readonly Host _host;

    public DemoUsersOffTests(Host host) => _host = host;

    [Fact]
    public async Task No_demo_user_or_client_exists_and_the_cli_client_cannot_ask_for_a_token()
    {
        using var password = await _host.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", "coach@demo1.llo.test"), ("password", "Demo-wachtwoord-1"), ("scope", "openid"));
        using var partner = await _host.TokenAsync(("grant_type", "client_credentials"),
            ("client_id", "demo-partner"), ("client_secret", "demo-partner-geheim"), ("scope", "inventory.read"));
        await using var connection = _host.Database.DataSource.CreateConnection();
        var users = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users");
        var clients = (await connection.QueryAsync<string>("SELECT \"ClientId\" FROM \"OpenIddictApplications\"")).ToList();

        Assert.NotEqual(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("invalid_client", await password.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, partner.StatusCode);
        Assert.Equal(0, users);
        Assert.Equal(["llo-web"], clients);
    }
}

using System.Net;
using Dapper;
using Llo.Identity.Api;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Identity.Tests;

/// <summary>
/// The login cookie and the login form's antiforgery token are protected with the key ring in the database: a second
/// instance, installed elsewhere (another content root, as on another machine), accepts what the first one issued.
/// </summary>
public sealed class LoginAcrossInstancesTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task A_login_form_from_one_instance_is_accepted_by_another_and_its_login_cookie_by_the_first()
    {
        var installedElsewhere = Directory.CreateTempSubdirectory("llo-identity-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(installedElsewhere.FullName, "appsettings.json"));
            var (httpPort, grpcPort) = (ServiceTestHost.FreePort(), ServiceTestHost.FreePort());
            await using var other = SecondInstance.Start(host, installedElsewhere.FullName, httpPort, grpcPort);
            await other.StartAsync();

            // One browser (one cookie jar: cookies ignore the port) talking to both instances.
            var cookies = new CookieContainer();
            using var first = SecondInstance.Browser(cookies, host.Json.BaseAddress!);
            using var second = SecondInstance.Browser(cookies, new Uri($"http://127.0.0.1:{httpPort}"));

            var (_, html) = await new AuthorizationCodeFlow(first, IdentityHost.WebRedirect).OpenLoginPageAsync();
            using var login = await new AuthorizationCodeFlow(second, IdentityHost.WebRedirect).SubmitAsync(html, "coach@demo1.llo.test", "Demo-wachtwoord-1");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

            using var authorized = await first.GetAsync(login.Headers.Location!.ToString());
            Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
            var callback = authorized.Headers.Location!;
            Assert.StartsWith(IdentityHost.WebRedirect, callback.ToString());
            Assert.NotEmpty(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query)["code"].ToString());
            await other.StopAsync();
        }
        finally
        {
            installedElsewhere.Delete(recursive: true);
        }

        await using var connection = host.Database.DataSource.CreateConnection();
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
    }

}

/// <summary>Another identity instance on the same database, installed elsewhere, and a browser for one of them.</summary>
internal static class SecondInstance
{
    public static WebApplication Start(IdentityHost host, string contentRoot, int httpPort, int grpcPort, params string[] extra) => IdentityApp.Build(
    [
        $"--contentRoot={contentRoot}",
        $"--ConnectionStrings:identity-db={host.Database.ConnectionString}",
        $"--ConnectionStrings:messaging={TestServers.RabbitMq}",
        $"--Kestrel:Endpoints:http:Url=http://127.0.0.1:{httpPort}",
        "--Kestrel:Endpoints:http:Protocols=Http1",
        $"--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:{grpcPort}",
        "--Kestrel:Endpoints:grpc:Protocols=Http2",
        "--Logging:LogLevel:Default=Warning",
        $"--Llo:Identity:Issuer={IdentityHost.PublicIssuer}",
        $"--Identity:Audit:Queue={host.AuditQueue}",
        .. extra,
    ]);

    public static HttpClient Browser(CookieContainer cookies, Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = address };
}

using System.Net;
using Dapper;
using Llo.Testing;

namespace Llo.Identity.Tests;

/// <summary>
/// With Identity:Keys:AtRestKey set, the login keys reach the database encrypted, and another instance with the same
/// secret still accepts the login form the first one issued (it decrypts the ring it reads).
/// </summary>
public sealed class LoginKeysAtRestTests(AtRestKeyIdentityHost host) : IClassFixture<AtRestKeyIdentityHost>
{
    [Fact]
    public async Task The_stored_login_keys_are_encrypted_and_another_instance_with_the_secret_reads_them()
    {
        var installedElsewhere = Directory.CreateTempSubdirectory("llo-identity-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(installedElsewhere.FullName, "appsettings.json"));
            var cookies = new CookieContainer();
            using var first = SecondInstance.Browser(cookies, host.Json.BaseAddress!);
            var (_, html) = await new AuthorizationCodeFlow(first, IdentityHost.WebRedirect).OpenLoginPageAsync();

            var (httpPort, grpcPort) = (ServiceTestHost.FreePort(), ServiceTestHost.FreePort());
            await using var other = SecondInstance.Start(host, installedElsewhere.FullName, httpPort, grpcPort,
                $"--Identity:Keys:AtRestKey={host.AtRestKey}");
            await other.StartAsync();
            using var second = SecondInstance.Browser(cookies, new Uri($"http://127.0.0.1:{httpPort}"));
            using var login = await new AuthorizationCodeFlow(second, IdentityHost.WebRedirect).SubmitAsync(html, "coach@demo1.llo.test", "Demo-wachtwoord-1");
            await other.StopAsync();

            await using var connection = host.Database.DataSource.CreateConnection();
            var stored = (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();

            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("llo-encrypted", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
        }
        finally
        {
            installedElsewhere.Delete(recursive: true);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Llo.AppHost.Infrastructure;

/// <summary>A RabbitMQ login: a service's own, or the administrator's (the app host's health check, operators).</summary>
public sealed record BrokerAccount(string User, string Password, bool Administrator = false);

/// <summary>
/// The broker's users and what each may do, as a RabbitMQ definitions file that the node imports at every boot
/// (<c>load_definitions</c>), so a service added to AppHost.cs has its login at the next start. There is no guest.
/// A service may configure, read and write its own queues, named <c>&lt;service&gt;.…</c> (with their retry,
/// dead-letter and migration queues), and the shared exchanges of services/Llo.Messaging: <c>llo.events</c>, where
/// every service publishes, and <c>llo.dead</c>; it may publish to the default exchange, through which retries and
/// redrives go back to its own queues. It cannot touch another service's queues.
/// </summary>
public static class BrokerAccounts
{
    public const string VirtualHost = "/";
    private static readonly string[] SharedExchanges = ["llo.events", "llo.dead"];

    /// <summary>The permission patterns (configure, write, read) of service <paramref name="service"/>.</summary>
    public static (string Configure, string Write, string Read) PermissionsOf(string service)
    {
        var own = Regex.Escape(service) + @"\..*";
        var shared = string.Join('|', SharedExchanges.Select(Regex.Escape));
        return ($"^({own}|{shared})$", $"^({own}|{shared}|amq\\.default)$", $"^({own}|{shared})$");
    }

    /// <summary>The definitions file: the virtual host, every account with its password hash, and its permissions.</summary>
    public static string Definitions(IEnumerable<BrokerAccount> accounts)
    {
        var list = accounts.ToList();
        var definitions = new
        {
            vhosts = new[] { new { name = VirtualHost } },
            users = list.Select(account => new
            {
                name = account.User,
                password_hash = PasswordHash(account.Password),
                hashing_algorithm = "rabbit_password_hashing_sha256",
                tags = account.Administrator ? new[] { "administrator" } : [],
            }),
            permissions = list.Select(account =>
            {
                var (configure, write, read) = account.Administrator ? (".*", ".*", ".*") : PermissionsOf(account.User);
                return new { user = account.User, vhost = VirtualHost, configure, write, read };
            }),
        };
        return JsonSerializer.Serialize(definitions);
    }

    // RabbitMQ's rabbit_password_hashing_sha256: base64(salt ++ SHA-256(salt ++ password)) with a 4-byte salt.
    private static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }
}

using System.Net.Http.Headers;
using System.Security.Claims;
using Dapper;
using Llo.Hosting.Access;
using Llo.Messaging.Audit;
using Llo.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Llo.Identity.Tests.Audit;

/// <summary>Records entries through the identity host's own audit trail and waits for them in the chain.</summary>
internal static class AuditTestSupport
{
    public static Caller User(Guid userId, Guid organisation) =>
        Caller.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", userId.ToString("D")), new Claim("org", organisation.ToString("D"))], "test")));

    /// <summary>Records one entry in a transaction of its own (as a write would) and returns its id.</summary>
    public static async Task<Guid> RecordAsync(IdentityHost host, AuditEntry entry, Caller? caller = null)
    {
        var trail = host.Services.GetRequiredService<AuditTrail>();
        var recorded = trail.Describe(caller ?? User(Guid.NewGuid(), TestOrganisations.One), entry);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Llo.Messaging.Outbox.EnqueueAsync(tx, recorded);
        await tx.CommitAsync();
        return recorded.EntryId;
    }

    /// <summary>The entry's sequence number once the identity service appended it (within a minute).</summary>
    public static async Task<long> SequenceOfAsync(IdentityHost host, Guid entryId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        while (true)
        {
            var sequence = await connection.ExecuteScalarAsync<long?>("SELECT sequence FROM audit_entries WHERE entry_id = @entryId", new { entryId });
            if (sequence is not null) return sequence.Value;
            Assert.True(DateTime.UtcNow < deadline, $"Audit entry {entryId} did not reach the chain within a minute.");
            await Task.Delay(100);
        }
    }

    /// <summary>A superuser connection to the host's database, with triggers off: what an intruder with the server could do.</summary>
    public static async Task<NpgsqlConnection> IntruderAsync(IdentityHost host)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = host.Database.Name }.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET session_replication_role = replica");
        return connection;
    }

    public static async Task<HttpClient> AsAsync(IdentityHost host, string user, string scope = "openid identity.read")
    {
        var token = await host.PasswordTokenAsync(user, scope);
        var client = new HttpClient { BaseAddress = host.Json.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }
}

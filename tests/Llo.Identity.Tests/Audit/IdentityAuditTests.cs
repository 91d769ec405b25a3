using System.Net.Http.Json;
using Dapper;

namespace Llo.Identity.Tests.Audit;

/// <summary>Identity's own personal data: reading and changing users and invitations leaves entries in its chain.</summary>
public sealed class IdentityAuditTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    [Fact]
    public async Task Assigning_roles_and_reading_a_user_reach_the_chain_naming_the_user_by_id_and_the_officer_finds_them()
    {
        using var operatorClient = await AuditTestSupport.AsAsync(host, "operator@demo2.llo.test", "openid identity.read identity.write");
        var operatorId = Jwt.Payload((await host.PasswordTokenAsync("operator@demo2.llo.test")).GetProperty("access_token").GetString()!)
            .GetProperty("sub").GetString();
        var users = await IdentityHost.SuccessAsync(await operatorClient.GetAsync("/api/identity/v1/users?pageSize=200"));
        var worker = users.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("email").GetString() == "worker@demo2.llo.test");
        var id = worker.GetProperty("id").GetString()!;

        await IdentityHost.SuccessAsync(await operatorClient.PostAsJsonAsync($"/api/identity/v1/users/{id}:assignRoles",
            new { roles = new[] { "worker", "parent" }, version = worker.GetProperty("version").GetInt64() }));
        await IdentityHost.SuccessAsync(await operatorClient.GetAsync($"/api/identity/v1/users/{id}"));
        var actions = await ActionsAsync(id, expected: 3, actor: operatorId);
        using var officer = await AuditTestSupport.AsAsync(host, "privacy-officer@demo1.llo.test");
        var found = await IdentityHost.SuccessAsync(await officer.GetAsync($"/api/identity/v1/auditEntries?subjectId={id}&action=update&actor={operatorId}"));
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var withAt = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_entries a WHERE row_to_json(a)::text LIKE '%@%'");

        Assert.Equal(["read", "read", "update"], actions.Order());
        var update = Assert.Single(found.GetProperty("auditEntries").EnumerateArray());
        Assert.Equal(operatorId, update.GetProperty("actor").GetString());
        Assert.Equal("22222222-2222-4222-8222-222222222222", update.GetProperty("actorOrganisationId").GetString());
        Assert.Equal("roles", update.GetProperty("details").GetProperty("changed").GetString());
        Assert.Equal(0, withAt);
    }

    [Fact]
    public async Task An_invitation_is_recorded_by_its_id_and_never_by_the_invited_address()
    {
        using var manager = await AuditTestSupport.AsAsync(host, "programme-manager@demo1.llo.test", "openid identity.read identity.write");
        var created = await IdentityHost.SuccessAsync(await manager.PostAsJsonAsync("/api/identity/v1/invitations",
            new { email = "audit.genodigde@schiedam.example.nl", roles = new[] { "coach" } }));
        var invitation = created.GetProperty("invitation").GetProperty("id").GetString()!;

        var actions = await ActionsAsync($"invitation/{invitation}", expected: 1);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var mentions = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_entries a WHERE row_to_json(a)::text ILIKE '%genodigde%'");

        Assert.Equal(["create"], actions);
        Assert.Equal(0, mentions);
    }

    /// <summary>
    /// The actions of the chain's entries naming <paramref name="subject"/> (by <paramref name="actor"/> when given), in
    /// chain order, once there are <paramref name="expected"/>. The demo worker has the same fixed id in every test host,
    /// and every host's audit queue gets every host's entries on the shared broker, so another test's entry about that
    /// worker lands in this host's chain too: the actor, random per host, tells this test's entries apart.
    /// </summary>
    private async Task<List<string>> ActionsAsync(string subject, int expected, string? actor = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        while (true)
        {
            var actions = (await connection.QueryAsync<string>(
                "SELECT action FROM audit_entries WHERE subject_ids @> ARRAY[@subject]::text[] AND (@actor::text IS NULL OR actor = @actor) ORDER BY sequence",
                new { subject, actor })).ToList();
            if (actions.Count >= expected) return actions;
            Assert.True(DateTime.UtcNow < deadline, $"Only {actions.Count} of {expected} entries reached the chain within a minute.");
            await Task.Delay(100);
        }
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace Llo.Identity.Tests.Audit;

/// <summary>
/// Every read and write of personal data in identity leaves an entry in the chain, with ids only: logins (with their
/// outcome, never the typed address), userinfo, consents, privacy requests, organisation and client reads, and the
/// privacy officer's reading of the log itself. Where no user asked, identity itself is the actor.
/// </summary>
/// <remarks>
/// Every identity test host has its own audit queue, bound to every service's AuditRecorded on the shared broker, so
/// its chain also gets the entries of the other hosts of every test assembly running alongside. Tests that count
/// entries therefore act as demo users whose ids are random per host, never as the demo coach or worker, whose ids are
/// fixed (<c>Llo.Contracts.Demo.DemoUsers</c>) and so the same in every host's entries.
/// </remarks>
public sealed class AuditCompletenessTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string System = "system:identity";

    [Fact]
    public async Task Logins_are_recorded_by_account_id_and_outcome_and_never_by_the_typed_address()
    {
        var token = await host.PasswordTokenAsync("partner-editor@demo1.llo.test", "openid");
        var editor = Sub(token);
        using var wrong = await host.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", "partner-editor@demo1.llo.test"), ("password", "fout-wachtwoord"), ("scope", "openid"));
        using var unknown = await host.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", "onbekende.inlogger@nergens.example"), ("password", "fout-wachtwoord"), ("scope", "openid"));

        var logins = await EntriesAsync("resource_type = 'login' AND subject_ids @> ARRAY[@editor]::text[]", new { editor }, expected: 2);
        var anonymous = await EntriesAsync("resource_type = 'login' AND details->>'outcome' = 'unknown-account'", null, expected: 1);
        var mentions = await CountAsync("SELECT count(*) FROM audit_entries a WHERE row_to_json(a)::text ILIKE '%inlogger%' OR row_to_json(a)::text LIKE '%@%'");

        Assert.False(wrong.IsSuccessStatusCode);
        Assert.False(unknown.IsSuccessStatusCode);
        var success = Assert.Single(logins, e => e.Outcome == "success");
        Assert.Equal(editor, success.Actor);
        Assert.Equal("read", success.Action);
        var failed = Assert.Single(logins, e => e.Outcome == "failed");
        Assert.Equal(System, failed.Actor);
        Assert.All(logins, e => Assert.Equal("password-grant", e.Channel));
        Assert.Empty(anonymous[0].SubjectIds);
        Assert.Equal(System, anonymous[0].Actor);
        Assert.Equal(0, mentions);
    }

    [Fact]
    public async Task Userinfo_is_recorded_as_the_users_own_read()
    {
        var token = await host.PasswordTokenAsync("counsellor@demo1.llo.test", "openid profile");
        var counsellor = Sub(token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        using var response = await host.Json.SendAsync(request);

        var entries = await EntriesAsync("resource_type = 'user' AND details->>'endpoint' = 'userinfo' AND resource_id = @counsellor",
            new { counsellor }, expected: 1);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(counsellor, entries[0].Actor);
        Assert.Equal([counsellor], entries[0].SubjectIds);
    }

    [Fact]
    public async Task Giving_reading_checking_and_withdrawing_a_consent_are_each_recorded()
    {
        var (person, personId) = await AsAsync("counsellor@demo2.llo.test");
        var given = await IdentityHost.SuccessAsync(await person.PostAsJsonAsync("/api/identity/v1/consents", new { purpose = "contact-details-to-partners" }));
        var id = given.GetProperty("id").GetString()!;
        await IdentityHost.SuccessAsync(await person.GetAsync($"/api/identity/v1/consents/{id}"));
        await IdentityHost.SuccessAsync(await person.GetAsync("/api/identity/v1/consents"));
        await IdentityHost.SuccessAsync(await person.PostAsJsonAsync("/api/identity/v1/consents:check",
            new { personId, purpose = "contact-details-to-partners" }));
        await IdentityHost.SuccessAsync(await person.PostAsJsonAsync($"/api/identity/v1/consents/{id}:withdraw", new { version = 1 }));

        var entries = await EntriesAsync("resource_type = 'consent' AND subject_ids @> ARRAY[@personId]::text[]", new { personId }, expected: 5);

        Assert.Equal(["create", "read", "read", "read", "update"], entries.Select(e => e.Action).Order());
        Assert.All(entries, e => Assert.Equal(personId, e.Actor));
        Assert.Equal("true", Assert.Single(entries, e => e.Details.ContainsKey("via")).Details["granted"]);
        Assert.Equal("contact-details-to-partners", Assert.Single(entries, e => e.Action == "create").Details["purpose"]);
    }

    [Fact]
    public async Task An_export_its_document_and_an_erasure_by_the_privacy_officer_are_recorded()
    {
        var (worker, workerId) = await AsAsync("hr-manager@demo2.llo.test");
        var (officer, officerId) = await AsAsync("privacy-officer@demo1.llo.test");
        var export = await IdentityHost.SuccessAsync(await worker.PostAsJsonAsync("/api/identity/v1/exportRequests", new { }));
        var exportId = export.GetProperty("id").GetString()!;
        var shown = await IdentityHost.SuccessAsync(await worker.GetAsync($"/api/identity/v1/exportRequests/{exportId}"));
        var (_, erasedId) = await AsAsync("project-leader@demo2.llo.test");
        var erasure = await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync("/api/identity/v1/erasureRequests", new { userId = erasedId }));

        // Only identity's own: the other test classes' inventory hosts on the broker answer (and audit) every request too.
        var exported = await EntriesAsync("service = 'identity' AND resource_type = 'privacy-request' AND resource_id = @exportId", new { exportId }, expected: 2);
        var erased = await EntriesAsync("service = 'identity' AND resource_type = 'privacy-request' AND subject_ids @> ARRAY[@erasedId]::text[]",
            new { erasedId }, expected: 1);

        Assert.True(shown.TryGetProperty("document", out _));
        Assert.Equal(["export", "read"], exported.Select(e => e.Action).Order());
        Assert.All(exported, e => Assert.Equal([workerId], e.SubjectIds));
        Assert.All(exported, e => Assert.Equal(workerId, e.Actor));
        Assert.Equal("erase", erased[0].Action);
        Assert.Equal(erasure.GetProperty("id").GetString(), erased[0].ResourceId);
        Assert.Equal(officerId, erased[0].Actor);
    }

    [Fact]
    public async Task Organisation_and_client_reads_are_recorded()
    {
        var (administrator, administratorId) = await AsAsync("operator@demo1.llo.test");
        var organisations = await IdentityHost.SuccessAsync(await administrator.GetAsync("/api/identity/v1/organisations"));
        var organisationId = organisations.GetProperty("organisations")[0].GetProperty("id").GetString()!;
        await IdentityHost.SuccessAsync(await administrator.GetAsync($"/api/identity/v1/organisations/{organisationId}"));
        await IdentityHost.SuccessAsync(await administrator.GetAsync("/api/identity/v1/clients"));

        var entries = await EntriesAsync("resource_type IN ('organisation', 'client') AND actor = @administratorId", new { administratorId }, expected: 3);

        Assert.Equal(["client:", "organisation:", $"organisation:{organisationId}"], entries.Select(e => $"{e.ResourceType}:{e.ResourceId}").Order());
        Assert.All(entries, e => Assert.Equal("read", e.Action));
    }

    [Fact]
    public async Task The_privacy_officer_reading_the_log_is_itself_recorded_naming_the_persons_shown()
    {
        var token = await host.PasswordTokenAsync("worker@demo2.llo.test", "openid");
        var shownPerson = Sub(token);
        await EntriesAsync("resource_type = 'login' AND subject_ids @> ARRAY[@shownPerson]::text[]", new { shownPerson }, expected: 1);
        var (officer, officerId) = await AsAsync("privacy-officer@demo2.llo.test");

        var page = await IdentityHost.SuccessAsync(await officer.GetAsync($"/api/identity/v1/auditEntries?subjectId={shownPerson}&pageSize=10"));
        var reads = await EntriesAsync("resource_type = 'audit-entry' AND actor = @officerId", new { officerId }, expected: 1);

        Assert.NotEmpty(page.GetProperty("auditEntries").EnumerateArray());
        Assert.Contains(shownPerson, reads[0].SubjectIds);
        Assert.Equal("read", reads[0].Action);
        Assert.Equal(page.GetProperty("auditEntries").GetArrayLength().ToString(), reads[0].Details["count"]);
    }

    private static string Sub(JsonElement token) =>
        Jwt.Payload(token.GetProperty("access_token").GetString()!).GetProperty("sub").GetString()!;

    private Task<(HttpClient Client, string UserId)> AsAsync(string userName) => host.UserAsync(userName);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>The chain's entries matching <paramref name="where"/>, in chain order, once there are <paramref name="expected"/> (a minute at most).</summary>
    private async Task<List<Entry>> EntriesAsync(string where, object? parameters, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        while (true)
        {
            var rows = (await connection.QueryAsync<Row>(
                $"SELECT action, resource_type AS ResourceType, resource_id AS ResourceId, actor, subject_ids AS SubjectIds, details::text AS Details " +
                $"FROM audit_entries WHERE {where} ORDER BY sequence",
                parameters)).ToList();
            if (rows.Count >= expected)
            {
                return [.. rows.Select(r => new Entry(r.Action, r.ResourceType, r.ResourceId, r.Actor, r.SubjectIds,
                    JsonSerializer.Deserialize<Dictionary<string, string>>(r.Details)!))];
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {rows.Count} of {expected} entries ({where}) reached the chain within a minute.");
            await Task.Delay(100);
        }
    }

    private sealed class Row
    {
        public string Action { get; set; } = "";
        public string ResourceType { get; set; } = "";
        public string? ResourceId { get; set; }
        public string? Actor { get; set; }
        public string[] SubjectIds { get; set; } = [];
        public string Details { get; set; } = "{}";
    }

    private sealed record Entry(string Action, string ResourceType, string? ResourceId, string? Actor, string[] SubjectIds, Dictionary<string, string> Details)
    {
        public string? Outcome => Details.GetValueOrDefault("outcome");

        public string? Channel => Details.GetValueOrDefault("channel");
    }
}

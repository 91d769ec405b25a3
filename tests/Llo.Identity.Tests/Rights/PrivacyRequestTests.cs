using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Llo.Identity.Api.Rights;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Llo.Identity.Tests.Rights;

/// <summary>
/// Export and erasure requests under /api/identity/v1: identity answers for itself at once, the inventory through the
/// broker, and the request shows who has answered; a person asks only for themself, a privacy-officer for anyone.
/// </summary>
public sealed class PrivacyRequestTests(RightsHosts hosts) : IClassFixture<RightsHosts>
{
    private const string Erasures = "/api/identity/v1/erasureRequests";
    private const string Exports = "/api/identity/v1/exportRequests";

    [Fact]
    public async Task An_erasure_request_reaches_the_inventory_through_the_broker_and_shows_its_confirmation()
    {
        const string person = "worker@demo2.llo.test";
        var project = await InventoryProjectAsync("Willem Werker", person);
        using var officer = await hosts.AsAsync("privacy-officer@demo1.llo.test");

        var created = await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync(Erasures, new { emailAddresses = new[] { "Worker@Demo2.llo.test" } }));
        var done = await RightsHosts.CompleteAsync(officer, $"{Erasures}/{created.GetProperty("id").GetString()}");

        var services = done.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        Assert.Equal(["identity", hosts.InventoryName], services.Keys);
        Assert.True(services[hosts.InventoryName].GetProperty("answered").GetBoolean());
        Assert.Equal(1, services[hosts.InventoryName].GetProperty("erasedCount").GetInt32());
        Assert.True(services["identity"].GetProperty("erasedCount").GetInt32() >= 1);
        Assert.DoesNotContain("Willem", await ScalarAsync<string>(hosts.Inventory.Database.DataSource, "SELECT contact::text FROM projects WHERE id = @id", project));
        Assert.Equal(0L, await ScalarAsync<long>(hosts.Identity.Database.DataSource, "SELECT count(*) FROM users WHERE lower(email) = @id", person));
        using var login = await hosts.Identity.TokenAsync(("grant_type", "password"), ("client_id", "llo-cli"),
            ("username", person), ("password", "Demo-wachtwoord-1"), ("scope", "openid"));
        Assert.False(login.IsSuccessStatusCode);
        // The request keeps no address of the person it erased.
        Assert.Equal(0L, await ScalarAsync<long>(hosts.Identity.Database.DataSource,
            "SELECT count(*) FROM privacy_requests WHERE kind = 'erasure' AND cardinality(subject_emails) > 0", ""));
    }

    [Fact]
    public async Task A_persons_own_export_assembles_identitys_account_and_the_inventorys_contacts_in_one_document()
    {
        const string person = "worker@demo1.llo.test";
        await InventoryProjectAsync("Wendy Werker", person);
        using var worker = await hosts.AsAsync(person);

        var created = await IdentityHost.SuccessAsync(await worker.PostAsJsonAsync(Exports, new { }));
        var done = await RightsHosts.CompleteAsync(worker, $"{Exports}/{created.GetProperty("id").GetString()}");

        var document = done.GetProperty("document");
        Assert.Equal([person], document.GetProperty("person").GetProperty("emailAddresses").EnumerateArray().Select(e => e.GetString()));
        var account = Assert.Single(document.GetProperty("services").GetProperty("identity").GetProperty("accounts").EnumerateArray());
        Assert.Equal(person, account.GetProperty("email").GetString());
        Assert.Equal(["worker"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var contact = Assert.Single(document.GetProperty("services").GetProperty(hosts.InventoryName).GetProperty("projectContacts").EnumerateArray());
        Assert.Equal("Wendy Werker", contact.GetProperty("name").GetString());
        Assert.True(done.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
    }

    [Fact]
    public async Task A_worker_cannot_ask_for_someone_else_nor_read_another_persons_request()
    {
        using var worker = await hosts.AsAsync("worker@demo1.llo.test");
        using var officer = await hosts.AsAsync("privacy-officer@demo1.llo.test");
        var officers = await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync(Exports, new { emailAddresses = new[] { "iemand@example.nl" } }));

        using var forOther = await worker.PostAsJsonAsync(Erasures, new { emailAddresses = new[] { "project-leader@demo1.llo.test" } });
        using var forOtherId = await worker.PostAsJsonAsync(Exports, new { userId = Guid.NewGuid().ToString() });
        using var reading = await worker.GetAsync($"{Exports}/{officers.GetProperty("id").GetString()}");
        using var anonymous = await hosts.Identity.Json.PostAsJsonAsync(Erasures, new { });

        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forOtherId.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reading.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // Nothing was erased.
        Assert.Equal(1L, await ScalarAsync<long>(hosts.Identity.Database.DataSource,
            "SELECT count(*) FROM users WHERE lower(email) = @id", "project-leader@demo1.llo.test"));
    }

    [Fact]
    public async Task A_privacy_officers_bad_addresses_are_named_per_field()
    {
        using var officer = await hosts.AsAsync("privacy-officer@demo1.llo.test");

        using var response = await officer.PostAsJsonAsync(Erasures, new { userId = "geen-id", emailAddresses = new[] { "goed@example.nl", "geen adres" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await IdentityHost.BodyAsync(response)).GetProperty("details")[0].GetProperty("fieldViolations")
            .EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["userId", "emailAddresses[1]"], fields);
    }

    [Fact]
    public async Task An_export_is_gone_after_seven_days_and_housekeeping_deletes_it()
    {
        using var officer = await hosts.AsAsync("privacy-officer@demo1.llo.test");
        var created = await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync(Exports, new { emailAddresses = new[] { "oud@example.nl" } }));
        var id = created.GetProperty("id").GetString()!;

        await using (var expire = hosts.Identity.Database.DataSource.CreateCommand(
            "UPDATE privacy_requests SET expires_at = now() - interval '1 minute' WHERE request_id = @id"))
        {
            expire.Parameters.AddWithValue("id", Guid.Parse(id));
            await expire.ExecuteNonQueryAsync();
        }

        using var expired = await officer.GetAsync($"{Exports}/{id}");
        var deleted = await hosts.Identity.Services.GetRequiredService<PrivacyRequestStore>().DeleteExpiredAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.True(deleted >= 1);
        Assert.Equal(0L, await ScalarAsync<long>(hosts.Identity.Database.DataSource,
            "SELECT count(*) FROM privacy_request_answers WHERE request_id = @id", Guid.Parse(id)));
    }

    [Fact]
    public async Task Every_services_answer_is_audited_with_the_service_itself_as_actor_and_the_person_by_id_only()
    {
        const string person = "coach@demo2.llo.test";
        await InventoryProjectAsync("Cor Coach", person);
        using var officer = await hosts.AsAsync("privacy-officer@demo1.llo.test");
        var created = await IdentityHost.SuccessAsync(await officer.PostAsJsonAsync(Exports, new { emailAddresses = new[] { person } }));
        var id = created.GetProperty("id").GetString()!;
        await RightsHosts.CompleteAsync(officer, $"{Exports}/{id}");

        // Identity's own export (the officer), the inventory's (itself) and identity storing the inventory's part (itself).
        var entries = await AuditEntriesAsync(id, expected: 3);
        var mentions = await ScalarAsync<long>(hosts.Identity.Database.DataSource,
            "SELECT count(*) FROM audit_entries a WHERE resource_id = @id::text AND row_to_json(a)::text ILIKE '%coach@%'", id);

        Assert.Contains(entries, e => e is { Service: "identity", Action: "export" } && e.Actor != null && !e.Actor.StartsWith("system:"));
        Assert.Contains(entries, e => e is { Service: "inventory", Action: "export", Actor: "system:inventory" });
        Assert.Contains(entries, e => e is { Service: "identity", Action: "create", Actor: "system:identity" } && e.AnswerFrom == hosts.InventoryName);
        Assert.Single(entries.Select(e => e.Subject).Distinct());
        Assert.True(Guid.TryParse(entries[0].Subject, out _));
        Assert.Equal(0L, mentions);
    }

    private async Task<List<(string Service, string Action, string? Actor, string Subject, string? AnswerFrom)>> AuditEntriesAsync(string requestId, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var entries = new List<(string, string, string?, string, string?)>();
            await using (var command = hosts.Identity.Database.DataSource.CreateCommand(
                "SELECT service, action, actor, subject_ids[1], details->>'answerFrom' FROM audit_entries WHERE resource_id = @id ORDER BY sequence"))
            {
                command.Parameters.AddWithValue("id", requestId);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    entries.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4)));
                }
            }

            // Other test classes' inventory hosts on the broker answer every request too: wait for identity's record of ours.
            if (entries.Count >= expected && entries.Any(e => e.Item5 == hosts.InventoryName)) return entries;
            Assert.True(DateTime.UtcNow < deadline, $"Only {entries.Count} of {expected} audit entries of request {requestId} within a minute.");
            await Task.Delay(200);
        }
    }

    private async Task<Guid> InventoryProjectAsync(string name, string email)
    {
        var id = Guid.NewGuid();
        await using var command = hosts.Inventory.Database.DataSource.CreateCommand(
            "INSERT INTO projects (id, title, status, contact) VALUES (@id, @title, 'Pilot', CAST(@contact AS jsonb))");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("title", "Project van " + name);
        command.Parameters.AddWithValue("contact", JsonSerializer.Serialize(new
        {
            organisation = "Stroomopwaarts", role = "Projectleider", consent = true, name, email,
        }));
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, object id)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

using System.Net;
using System.Text.Json;
using Dapper;
using Llo.Hosting.Access;
using Llo.Inventory.Tests.Access;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;
using Npgsql;
using static Llo.Inventory.Tests.Access.AccessRequests;
using static Llo.Testing.EndpointCatalogue;

namespace Llo.Inventory.Tests.Audit;

/// <summary>
/// Every answer that shows a contact person, and every write that sets one, leaves an audit entry in the inventory's
/// outbox (for the identity service's log) naming the ids only: never the person's name, e-mail address or phone.
/// </summary>
public sealed class ContactAuditTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private readonly AccessRequests _objects = new(host);

    [Fact]
    public async Task Reading_a_projects_contact_person_records_an_entry_with_the_project_and_subject_ids_and_no_contact_details()
    {
        var id = await _objects.OwnProjectAsync(withContactPerson: true);
        var subject = $"project/{id}/contact";
        var leader = InventoryHost.User(TestOrganisations.Two, LloRoles.ProjectLeader);

        using var read = await host.As(leader).GetAsync($"{ApiRoot}/projects/{id}");
        var afterRead = await EntriesAsync(subject);
        using var anonymous = await host.As(null).GetAsync($"{ApiRoot}/projects/{id}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(["create", "read"], afterRead.Select(e => e.GetProperty("action").GetString()));
        var entry = afterRead[1];
        Assert.Equal("inventory", entry.GetProperty("service").GetString());
        Assert.Equal("project", entry.GetProperty("resourceType").GetString());
        Assert.Equal(id, entry.GetProperty("resourceId").GetString());
        Assert.Equal(leader.Subject, entry.GetProperty("actor").GetString());
        Assert.Equal(TestOrganisations.Two.ToString("D"), entry.GetProperty("actorOrganisation").GetString());
        Assert.Equal([subject], entry.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(2, (await EntriesAsync(subject)).Count); // the anonymous answer hides the person: nothing to record
        Assert.All(afterRead, e => Assert.DoesNotContain("fenna", e.GetRawText(), StringComparison.OrdinalIgnoreCase));
        Assert.All(afterRead, e => Assert.DoesNotContain("@", e.GetRawText()));
    }

    [Fact]
    public async Task The_project_list_for_programme_staff_records_one_read_naming_each_shown_contact()
    {
        var first = await _objects.OwnProjectAsync(withContactPerson: true);
        var second = await _objects.OwnProjectAsync(withContactPerson: true);

        using var list = await host.Json.GetAsync($"{ApiRoot}/projects?pageSize=100");
        var entries = await EntriesAsync($"project/{second}/contact");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var read = Assert.Single(entries, e => e.GetProperty("action").GetString() == "read");
        var subjects = read.GetProperty("subjectIds").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains($"project/{first}/contact", subjects);
        Assert.Contains($"project/{second}/contact", subjects);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("resourceId").ValueKind);
    }

    [Fact]
    public async Task A_desk_question_with_a_contact_records_its_submission_and_every_read_by_the_desk_without_the_details()
    {
        var submitted = await (await host.As(null).SendAsync(Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions", DeskQuestion(withContact: true)))).JsonAsync();
        var id = submitted.GetProperty("id").GetString();

        using var read = await host.Json.GetAsync($"{ApiRoot}/deskQuestions/{id}");
        var entries = await EntriesAsync($"desk-question/{id}/contact");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(["create", "read"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("actor").ValueKind);
        Assert.Equal("desk-question", entries[1].GetProperty("resourceType").GetString());
        Assert.Equal(id, entries[1].GetProperty("resourceId").GetString());
        Assert.All(entries, e => Assert.DoesNotContain("Sem", e.GetRawText()));
        Assert.All(entries, e => Assert.DoesNotContain("@", e.GetRawText()));
    }

    [Fact]
    public async Task When_the_entry_cannot_be_written_the_contact_is_not_shown_and_the_read_answers_503()
    {
        var id = await _objects.OwnProjectAsync(withContactPerson: true);
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.PostgresAdmin) { Database = host.Database.Name }.ConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync("ALTER TABLE messaging_outbox ADD CONSTRAINT audit_refused CHECK (type <> 'audit.recorded') NOT VALID");
        HttpResponseMessage refused;
        try
        {
            refused = await host.Json.GetAsync($"{ApiRoot}/projects/{id}");
        }
        finally
        {
            await admin.ExecuteAsync("ALTER TABLE messaging_outbox DROP CONSTRAINT audit_refused");
        }

        var body = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.DoesNotContain("fenna", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("auditlogboek", body);
    }

    /// <summary>The audit entries in the outbox that name <paramref name="subject"/>, oldest first.</summary>
    private async Task<List<JsonElement>> EntriesAsync(string subject)
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        var payloads = await connection.QueryAsync<string>(
            "SELECT payload::text FROM messaging_outbox WHERE type = 'audit.recorded' AND payload -> 'subjectIds' @> jsonb_build_array(@subject::text) " +
            "ORDER BY occurred_at, payload ->> 'entryId'", new { subject });
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }
}

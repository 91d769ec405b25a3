using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;
using Npgsql;

namespace Llo.Inventory.Tests.Privacy;

/// <summary>The inventory under its own privacy name, so no other test host on the broker takes its requests.</summary>
public sealed class PrivacyInventoryHost : InventoryHost
{
    public string PrivacyName { get; } = "inventory-" + Guid.NewGuid().ToString("N")[..8];

    public PrivacyInventoryHost() => Settings["Llo:Privacy:Service"] = PrivacyName;
}

/// <summary>
/// The inventory answers identity's export and erasure requests from the broker: project contact persons and desk
/// contacts found by e-mail address, erased in the transaction that publishes the confirmation, once per request.
/// </summary>
public sealed class PersonalDataOwnerTests(PrivacyInventoryHost host) : IClassFixture<PrivacyInventoryHost>
{
    [Fact]
    public async Task An_erasure_request_removes_the_contact_details_keeps_the_project_and_confirms_with_the_count()
    {
        var email = Unique("anna");
        var project = await ProjectWithContactAsync("Anna de Boer", email.ToUpperInvariant());
        var other = await ProjectWithContactAsync("Piet Bakker", Unique("piet"));
        var question = await DeskQuestionAsync(email);
        var requestId = Guid.NewGuid();

        await RequestAsync(Guid.NewGuid(), new ErasureRequested(requestId, new PersonRef(null, [email])));
        var answer = await AnswerAsync("privacy.erasure-confirmed", requestId);

        Assert.Equal(host.PrivacyName, answer.GetProperty("service").GetString());
        Assert.Equal(2, answer.GetProperty("count").GetInt32());
        var contact = await ScalarAsync<string>("SELECT contact::text FROM projects WHERE id = @id", project);
        Assert.DoesNotContain("anna", contact, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Stroomopwaarts", contact);
        Assert.Equal(2L, await ScalarAsync<long>("SELECT version FROM projects WHERE id = @id", project));
        Assert.Contains("Piet Bakker", await ScalarAsync<string>("SELECT contact::text FROM projects WHERE id = @id", other));
        Assert.Equal(0L, await ScalarAsync<long>(
            "SELECT count(*) FROM desk_questions WHERE id = @id AND (contact_email IS NOT NULL OR contact_name IS NOT NULL OR contact_consent)", question));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM desk_questions WHERE id = @id", question));
        var update = Assert.Single(await ProjectRows.OutboxAsync(host.Database, "inventory.project-updated"), e => e.Contains(project.ToString()));
        Assert.Contains("contact", update);
    }

    [Fact]
    public async Task An_export_request_is_answered_with_the_persons_project_and_desk_contacts()
    {
        var email = Unique("bram");
        var project = await ProjectWithContactAsync("Bram Visser", email);
        var question = await DeskQuestionAsync(email);
        var requestId = Guid.NewGuid();

        await RequestAsync(Guid.NewGuid(), new PersonalDataExportRequested(requestId, new PersonRef(Guid.NewGuid(), [email])));
        var answer = await AnswerAsync("privacy.personal-data-exported", requestId);

        using var part = JsonDocument.Parse(answer.GetProperty("json").GetString()!);
        var contact = Assert.Single(part.RootElement.GetProperty("projectContacts").EnumerateArray());
        Assert.Equal(project.ToString(), contact.GetProperty("projectId").GetString());
        Assert.Equal("Bram Visser", contact.GetProperty("name").GetString());
        var desk = Assert.Single(part.RootElement.GetProperty("deskQuestions").EnumerateArray());
        Assert.Equal(question.ToString(), desk.GetProperty("questionId").GetString());
        Assert.Equal(email, desk.GetProperty("contact").GetProperty("email").GetString());
        // An export changes nothing.
        Assert.Contains("Bram Visser", await ScalarAsync<string>("SELECT contact::text FROM projects WHERE id = @id", project));
    }

    [Fact]
    public async Task A_redelivered_request_is_not_answered_twice()
    {
        var email = Unique("cor");
        await ProjectWithContactAsync("Cor Smit", email);
        var (messageId, requestId) = (Guid.NewGuid(), Guid.NewGuid());
        var request = new ErasureRequested(requestId, new PersonRef(null, [email]));

        await RequestAsync(messageId, request);
        await AnswerAsync("privacy.erasure-confirmed", requestId);
        await RequestAsync(messageId, request);
        // The queue is handled in order: once a later request is answered, the redelivered one has been handled too.
        var later = Guid.NewGuid();
        await RequestAsync(Guid.NewGuid(), new ErasureRequested(later, new PersonRef(null, [Unique("niemand")])));
        var laterAnswer = await AnswerAsync("privacy.erasure-confirmed", later);

        Assert.Equal(0, laterAnswer.GetProperty("count").GetInt32());
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT count(*) FROM messaging_outbox WHERE type = 'privacy.erasure-confirmed' AND payload->>'requestId' = @id", requestId.ToString()));
    }

    private static string Unique(string name) => $"{name}.{Guid.NewGuid():N}@example.nl";

    private async Task RequestAsync(Guid messageId, IntegrationEvent request)
    {
        var queue = request is ErasureRequested ? "privacy-erasure-requests" : "privacy-export-requests";
        await TestBroker.WaitForConsumerAsync($"{host.PrivacyName}.{queue}", TimeSpan.FromSeconds(60));
        await TestBroker.PublishAsync(messageId, request);
    }

    /// <summary>The answer the inventory put into its outbox for <paramref name="requestId"/>.</summary>
    private Task<JsonElement> AnswerAsync(string type, Guid requestId) =>
        TestOutbox.WaitForAsync(host.Database.DataSource, type, "requestId", requestId.ToString());

    private async Task<Guid> ProjectWithContactAsync(string name, string email)
    {
        var id = await ProjectRows.InsertAsync(host.Database, "Project van " + name);
        await using var command = host.Database.DataSource.CreateCommand("UPDATE projects SET contact = CAST(@contact AS jsonb) WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("contact", JsonSerializer.Serialize(new
        {
            organisation = "Stroomopwaarts", role = "Projectleider", consent = true, name, email, phone = "010 123 4567",
        }));
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<Guid> DeskQuestionAsync(string email)
    {
        var id = Guid.NewGuid();
        await using var command = host.Database.DataSource.CreateCommand(
            """
            INSERT INTO desk_questions (id, topic, question, routed_to, routing_reason, status, contact_consent, contact_name, contact_email, submitted_at)
            VALUES (@id, 'Omscholing', 'Wie helpt mij verder?', 'LLO-loket', 'test', 'New', true, 'Vrager', @email, now())
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("email", email);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private async Task<T> ScalarAsync<T>(string sql, object id)
    {
        await using var command = host.Database.DataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

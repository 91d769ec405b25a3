using System.Text;
using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Finance.Tests.Imports;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Messaging;
using Llo.Testing;
using RabbitMQ.Client;
using static Llo.Finance.Tests.Infrastructure.FinanceHost;

namespace Llo.Finance.Tests.Events;

/// <summary>
/// Finance's integration events through the real outbox and RabbitMQ: the inventory's scaled-up pilot arrives as a
/// candidate expense line; a funders' decision and a new budget version leave as events.
/// </summary>
public sealed class FinanceEventTests(FinanceEventsHost host) : IClassFixture<FinanceEventsHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Publishes as the inventory does: through an outbox, whose relay sends it to llo.events on the test broker.</summary>
    private async Task PublishAsync(params IntegrationEvent[] events)
    {
        await using var connection = await host.Database.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var evt in events)
        {
            await Outbox.EnqueueAsync(tx, evt);
        }

        await tx.CommitAsync();
    }

    private async Task<JsonElement[]> CandidatesAsync() =>
        (await BodyAsync(await host.Json.GetAsync("/api/finance/v1/candidateExpenseLines")))
        .TryGetProperty("candidates", out var list) ? [.. list.EnumerateArray()] : [];

    [Fact]
    public async Task A_pilot_the_board_scales_up_becomes_a_candidate_expense_line_with_the_inventorys_estimate()
    {
        var (project, approved, declined) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var decidedOn = new DateOnly(2022, 6, 1);

        await PublishAsync(
            new ProjectRegistered(project, "Leerwerkplaats Techniek Vlaardingen", ["WorkToWork"], "Pilot"),
            new ScalingDecided(project, declined, "Declined", decidedOn, 9_000m),
            new ScalingDecided(project, approved, "Approved", decidedOn, 25_000.50m),
            new ScalingDecided(project, approved, "Approved", decidedOn, 25_000.50m));

        JsonElement[] mine = [];
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            mine = [.. (await CandidatesAsync()).Where(c => c.GetProperty("projectId").GetString() == project.ToString())];
            if (mine.Length > 0 && mine[0].GetProperty("description").GetString()!.Contains("Leerwerkplaats", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(250);
        }

        var candidate = Assert.Single(mine);
        Assert.Equal(approved.ToString(), candidate.GetProperty("proposalId").GetString());
        Assert.Equal("Opschaling: Leerwerkplaats Techniek Vlaardingen", candidate.GetProperty("description").GetString());
        Assert.Equal(25_000.50m, Euros(candidate.GetProperty("yearlyEstimate")));
        Assert.Equal("2022-06-01", candidate.GetProperty("decidedOn").GetString());
        Assert.Equal("opschaling-" + approved.ToString("N")[..8], candidate.GetProperty("lineId").GetString());

        // The workbook lists it below the budget; marked "Uitgaven", the import takes it into the next version.
        var lineId = candidate.GetProperty("lineId").GetString()!;
        var workbook = ImportRequests.Edited(await ImportRequestsExportAsync(), sheet =>
        {
            var row = ImportRequests.RowOf(sheet, lineId);
            Assert.Equal(Api.Reports.BudgetSheet.CandidateKind, sheet.Cell(row, 1).GetString());
            Assert.True(sheet.Cell(row, Api.Reports.BudgetSheet.FirstYearColumn).IsEmpty());
            Assert.Equal(25_000.5, sheet.Cell(row, Api.Reports.BudgetSheet.FirstYearColumn + 1).GetDouble());
            sheet.Cell(row, 1).Value = "Uitgaven";
        });
        var before = await BodyAsync(await host.Json.GetAsync("/api/finance/v1/budgets/2023/report"));
        await BodyAsync(await host.Json.SendAsync(ImportRequests.Import(workbook)), System.Net.HttpStatusCode.Created);
        var after = await BodyAsync(await host.Json.GetAsync("/api/finance/v1/budgets/2023/report"));
        Assert.Equal(Euros(before.GetProperty("expenseTotals").GetProperty("budgeted")) + 25_000.50m,
            Euros(after.GetProperty("expenseTotals").GetProperty("budgeted")));
        Assert.Contains(after.GetProperty("expenses").EnumerateArray(), l => l.GetProperty("id").GetString() == lineId);
    }

    [Fact]
    public async Task Granting_an_application_publishes_FundingApplicationDecided_through_the_outbox_to_the_broker()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) };
        await using var broker = await factory.CreateConnectionAsync();
        await using var channel = await broker.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "llo.events", "finance.funding-application-decided");

        var created = await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Create()));
        var id = created.GetProperty("id").GetString()!;
        await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Move(id, 1, "FUNDING_APPLICATION_STATUS_SUBMITTED")));
        Assert.Empty(await OutboxAsync("finance.funding-application-decided", id));
        await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Move(id, 2, "FUNDING_APPLICATION_STATUS_GRANTED_IN_FULL")));

        var row = Assert.Single(await OutboxAsync("finance.funding-application-decided", id));
        Assert.Equal(3, row.Version);
        string? body = null;
        var deadline = DateTime.UtcNow + Patience;
        while (body is null && DateTime.UtcNow < deadline)
        {
            var delivery = await channel.BasicGetAsync(queue, autoAck: true);
            if (delivery is null)
            {
                await Task.Delay(250);
                continue;
            }

            var text = Encoding.UTF8.GetString(delivery.Body.Span);
            body = text.Contains(id, StringComparison.Ordinal) ? text : null;
        }

        Assert.NotNull(body);
        var evt = JsonDocument.Parse(body).RootElement;
        Assert.Equal("GrantedInFull", evt.GetProperty("status").GetString());
        Assert.Equal(3, evt.GetProperty("version").GetInt64());
        Assert.Equal(2_500_000, evt.GetProperty("grantedCents").GetProperty("2023").GetInt64());
    }

    [Fact]
    public async Task Publishing_a_budget_version_puts_BudgetVersionPublished_in_the_outbox_with_the_number_as_version()
    {
        Assert.Contains(await OutboxAsync("finance.budget-version-published", "budget"), r => r.Version == 1);

        var created = await BodyAsync(await host.Json.SendAsync(ImportRequests.Import(await ImportRequestsExportAsync())), System.Net.HttpStatusCode.Created);
        var number = created.GetProperty("version").GetProperty("number").GetInt32();

        var row = Assert.Single(await OutboxAsync("finance.budget-version-published", "budget"), r => r.Version == number);
        Assert.Equal(number, JsonDocument.Parse(row.Payload).RootElement.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Recording_paying_and_confirming_a_contribution_publishes_PartnerContributionChanged_without_the_partners_name()
    {
        var queue = await BindAsync("finance.partner-contribution-changed");
        var created = await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Json(HttpMethod.Post, "/api/finance/v1/contributions", new
        {
            organisationId = TestOrganisations.Two, partner = "Demo-Werkgever Vlaardingen BV", category = "PARTNER_CATEGORY_COMPANIES", year = 2023,
            committed = new { cents = "400000" }, vatRecoverable = true, probabilityPercent = 70,
        })));
        var id = created.GetProperty("id").GetString()!;
        await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Json(HttpMethod.Patch, $"/api/finance/v1/contributions/{id}", new
        {
            version = 1, contribution = new { invoiced = new { cents = "400000" }, paid = new { cents = "150000" } }, updateMask = "invoiced,paid",
        })));
        await BodyAsync(await host.JsonAs(User(TestOrganisations.Two, LloRoles.PartnerEditor))
            .SendAsync(ApplicationRequests.Json(HttpMethod.Post, $"/api/finance/v1/contributions/{id}:confirm", new { version = 2 })));
        var refused = await host.Json.SendAsync(ApplicationRequests.Json(HttpMethod.Patch, $"/api/finance/v1/contributions/{id}", new
        {
            version = 3, contribution = new { paid = new { cents = "-1" } }, updateMask = "paid",
        }));

        var rows = await OutboxAsync("finance.partner-contribution-changed", id);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Version));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var paid = JsonDocument.Parse(rows[1].Payload).RootElement;
        Assert.Equal(("Changed", 150_000L, 400_000L), (paid.GetProperty("change").GetString(), paid.GetProperty("paidCents").GetInt64(), paid.GetProperty("invoicedCents").GetInt64()));
        Assert.Equal(["invoiced", "paid"], paid.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("Confirmed", JsonDocument.Parse(rows[2].Payload).RootElement.GetProperty("change").GetString());
        Assert.All(rows, r => Assert.DoesNotContain("Demo-Werkgever", r.Payload, StringComparison.Ordinal));

        var delivered = await ReceiveAsync(queue, id, 3);
        Assert.True(delivered.GetProperty("confirmed").GetBoolean());
        Assert.Equal(TestOrganisations.Two.ToString(), delivered.GetProperty("organisationId").GetString());
    }

    [Fact]
    public async Task Changing_a_rate_publishes_RateCardRoleChanged_naming_the_budget_version_it_published()
    {
        var queue = await BindAsync("finance.rate-card-role-changed");
        var card = await BodyAsync(await host.Json.GetAsync("/api/finance/v1/rateCards/2024"));
        var role = card.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "programmamanager");
        var version = role.GetProperty("version").GetInt64();

        var update = await BodyAsync(await host.Json.SendAsync(ApplicationRequests.Json(HttpMethod.Patch, "/api/finance/v1/rateCards/2024/roles/programmamanager", new
        {
            version, role = new { hourlyRate = new { cents = "11500" } }, updateMask = "hourlyRate",
        })));

        var row = Assert.Single(await OutboxAsync("finance.rate-card-role-changed", "rate-card/2024/programmamanager"));
        Assert.Equal(version + 1, row.Version);
        var evt = await ReceiveAsync(queue, "programmamanager", version + 1);
        Assert.Equal((2024, 11_500L, 10_350_000L), (evt.GetProperty("year").GetInt32(), evt.GetProperty("hourlyRateCents").GetInt64(), evt.GetProperty("yearlyCostCents").GetInt64()));
        Assert.Equal(["hourly_rate"], evt.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(update.GetProperty("budgetVersion").GetProperty("number").GetInt32(), evt.GetProperty("budgetVersion").GetInt32());
    }

    /// <summary>A queue of the test's own on llo.events for <paramref name="type"/>, bound before the change is made.</summary>
    private static async Task<string> BindAsync(string type)
    {
        await using var broker = await TestBroker.ConnectAsync();
        await using var channel = await broker.CreateChannelAsync();
        var queue = "finance.test-events-" + Guid.NewGuid().ToString("N")[..8];
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-expires"] = 120_000 });
        await channel.QueueBindAsync(queue, "llo.events", type);
        return queue;
    }

    /// <summary>The delivered event that mentions <paramref name="marker"/> at <paramref name="version"/> of its aggregate.</summary>
    private static async Task<JsonElement> ReceiveAsync(string queue, string marker, long version)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var delivery = await TestBroker.GetAsync(queue, deadline - DateTime.UtcNow);
            var text = Encoding.UTF8.GetString(delivery.Body.Span);
            var evt = JsonDocument.Parse(text).RootElement.Clone();
            if (text.Contains(marker, StringComparison.Ordinal) && evt.GetProperty("version").GetInt64() == version)
            {
                return evt;
            }
        }

        throw new TimeoutException($"No event about {marker} at version {version} in {queue}.");
    }

    private async Task<byte[]> ImportRequestsExportAsync()
    {
        var response = await host.Json.GetAsync("/api/finance/v1/budgets/2022/report.xlsx");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<IReadOnlyList<(long Version, string Payload)>> OutboxAsync(string type, string aggregate)
    {
        await using var command = host.Database.DataSource.CreateCommand(
            "SELECT aggregate_version, payload::text FROM messaging_outbox WHERE type = @type AND aggregate_id = @aggregate ORDER BY position");
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("aggregate", aggregate);
        var rows = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }
}

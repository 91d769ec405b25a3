using System.Text;
using System.Text.Json;
using Llo.Contracts.Events;
using Llo.Finance.Tests.Imports;
using Llo.Finance.Tests.Infrastructure;
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

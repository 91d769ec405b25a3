using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Agenda;

/// <summary>Agenda writes publish their events through the outbox in the write's transaction; refused and no-op writes publish none.</summary>
public sealed class AgendaEventsTests(InventoryHost host) : IClassFixture<InventoryHost>
{
    private const string Items = "/api/inventory/v1/agendaItems";

    private static object Item(string title, string date = "2024-05-14", string place = "Stadhuis Maassluis") => new
    {
        title,
        date,
        startTime = "19:30",
        endTime = "21:00",
        place,
        organiser = "Gemeente Maassluis",
        topic = "Leerwerkakkoord",
        description = "Informatieavond voor werkgevers.",
        municipality = "Maassluis",
        @public = true,
    };

    private async Task<List<JsonElement>> EventsAsync(string type, string id) =>
        (await ProjectRows.OutboxAsync(host.Database, type))
            .Select(p => JsonDocument.Parse(p).RootElement)
            .Where(e => e.GetProperty("agendaItemId").GetString() == id)
            .ToList();

    private async Task<string> CreateAsync(string title) =>
        (await (await host.Json.PostAsJsonAsync(Items, Item(title))).JsonAsync()).GetProperty("id").GetString()!;

    [Fact]
    public async Task Scheduling_an_item_publishes_agenda_item_scheduled_without_its_texts()
    {
        var id = await CreateAsync("Events: informatieavond");

        var scheduled = Assert.Single(await EventsAsync("inventory.agenda-item-scheduled", id));
        Assert.Equal("2024-05-14", scheduled.GetProperty("date").GetString());
        Assert.True(scheduled.GetProperty("public").GetBoolean());
        var payload = scheduled.GetRawText();
        Assert.DoesNotContain("informatieavond", payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Gemeente Maassluis", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_publishes_agenda_item_changed_naming_the_fields_and_a_no_op_or_stale_update_publishes_nothing()
    {
        var id = await CreateAsync("Events: werkgeversontbijt");

        var moved = await host.Json.PutAsJsonAsync($"{Items}/{id}?version=1", Item("Events: werkgeversontbijt", date: "2024-06-04", place: "Stadskantoor"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var same = await (await host.Json.PutAsJsonAsync($"{Items}/{id}?version=2", Item("Events: werkgeversontbijt", date: "2024-06-04", place: "Stadskantoor"))).JsonAsync();
        var stale = await host.Json.PutAsJsonAsync($"{Items}/{id}?version=1", Item("Events: te laat"));

        Assert.Equal("2", same.GetProperty("version").ToString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var changed = Assert.Single(await EventsAsync("inventory.agenda-item-changed", id));
        Assert.Equal(2, changed.GetProperty("version").GetInt64());
        Assert.Equal("2024-06-04", changed.GetProperty("date").GetString());
        Assert.Equal(["date", "place"], changed.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Deleting_publishes_agenda_item_cancelled_once_and_a_refused_delete_nothing()
    {
        var id = await CreateAsync("Events: vervalt");

        Assert.Equal(HttpStatusCode.Conflict, (await host.Json.DeleteAsync($"{Items}/{id}?version=7")).StatusCode);
        Assert.Empty(await EventsAsync("inventory.agenda-item-cancelled", id));
        Assert.Equal(HttpStatusCode.OK, (await host.Json.DeleteAsync($"{Items}/{id}?version=1")).StatusCode);

        var cancelled = Assert.Single(await EventsAsync("inventory.agenda-item-cancelled", id));
        Assert.Equal("2024-05-14", cancelled.GetProperty("date").GetString());
    }
}

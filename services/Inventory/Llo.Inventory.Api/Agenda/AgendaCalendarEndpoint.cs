using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Agenda;
using Llo.Inventory.Domain.Projects;
using Npgsql;

namespace Llo.Inventory.Api.Agenda;

/// <summary>
/// <c>GET /api/inventory/v1/agenda.ics</c>: the public regional agenda as iCalendar, with the list's filters as query
/// parameters. A file download, so it lives outside the gRPC contract; bad input still gets the one error shape
/// (the API kit turns the validation's RpcException into it).
/// </summary>
public static class AgendaCalendarEndpoint
{
    public const string Path = "/api/inventory/v1/agenda.ics";
    public const int MaxEvents = 2000;

    public static IEndpointRouteBuilder MapAgendaCalendar(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync)
            .WithName("ExportAgendaCalendar")
            .WithSummary("De openbare regionale agenda als iCalendar-bestand (.ics).")
            .WithDescription("Met dezelfde filters als de agendalijst; hoogstens 2000 afspraken.")
            .Produces<string>(StatusCodes.Status200OK, contentType: ICalendarWriter.ContentType)
            .AllowAnonymous();
        return endpoints;
    }

    /// <remarks>The filters are named parameters so that the OpenAPI document lists them.</remarks>
    private static async Task<IResult> ExportAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken ct,
        string? from = null, string? to = null, string? organiser = null, string? focusLine = null,
        string? municipality = null, string? projectId = null, string? q = null)
    {
        var violations = new FieldViolations();
        var focusLineValue = 0;
        if (focusLine is { Length: > 0 })
        {
            if (InventoryEnums.FocusLines.Parse(focusLine) is { } parsed)
            {
                focusLineValue = (int)InventoryEnums.FocusLines.ToContract(parsed);
            }
            else
            {
                violations.Add("focusLine", $"Onbekende focuslijn \"{Echo.Of(focusLine)}\". Kies uit: {InventoryEnums.FocusLines.Choices}.");
            }
        }

        var filter = AgendaFilter.Parse(from ?? "", to ?? "", organiser ?? "", focusLineValue, municipality ?? "",
            projectId ?? "", q ?? "", includeNonPublic: false, violations);
        violations.ThrowIfAny();

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (items, _) = await AgendaStore.ListAsync(connection, filter, Page.First(MaxEvents), ct);
        var calendar = ICalendarWriter.Write("Regionale agenda LLO Waterweg", items.Select(ToEvent), time.GetUtcNow());
        return Results.Text(calendar, ICalendarWriter.ContentType);
    }

    private static CalendarEvent ToEvent(StoredAgendaItem stored)
    {
        var item = stored.Item;
        var description = string.Join("\n", new[]
        {
            item.Description,
            item.Topic.Length > 0 ? $"Onderwerp: {item.Topic}" : "",
            $"Organisator: {item.Organiser}",
            item.FocusLine is { } f ? $"Focuslijn: {Labels.Dutch(f)}" : "",
            item.Municipality is { } m ? $"Gemeente: {m}" : "",
        }.Where(s => s.Length > 0));
        var categories = new[] { item.Topic, item.FocusLine is { } line ? Labels.Dutch(line) : "" }.Where(c => c.Length > 0).ToList();
        return new CalendarEvent($"{stored.Id}@llo-waterweg", item.Title, item.Date, item.Start, item.End, item.Place,
            description, categories, stored.UpdatedAt);
    }
}

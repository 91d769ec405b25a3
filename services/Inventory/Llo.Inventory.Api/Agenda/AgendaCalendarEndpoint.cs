using BadRequest = Google.Rpc.BadRequest;
using Grpc.Core;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Agenda;
using Llo.Inventory.Domain.Projects;
using Npgsql;

namespace Llo.Inventory.Api.Agenda;

/// <summary>
/// <c>GET /api/inventory/v1/agenda.ics</c>: the public regional agenda as iCalendar, with the list's filters as query
/// parameters. A file download, so it lives outside the gRPC contract and answers bad input with ProblemDetails.
/// </summary>
public static class AgendaCalendarEndpoint
{
    public const string Path = "/api/inventory/v1/agenda.ics";
    public const int MaxEvents = 2000;

    public static IEndpointRouteBuilder MapAgendaCalendar(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync)
            .WithName("ExportAgendaCalendar")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        HttpRequest request, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken ct)
    {
        string Query(string name) => request.Query[name].ToString();
        var violations = new FieldViolations();
        var focusLine = 0;
        if (Query("focusLine") is { Length: > 0 } focusText)
        {
            if (InventoryEnums.FocusLines.Parse(focusText) is { } parsed)
            {
                focusLine = (int)InventoryEnums.FocusLines.ToContract(parsed);
            }
            else
            {
                violations.Add("focusLine", $"Onbekende focuslijn \"{Echo.Of(focusText)}\". Kies uit: {InventoryEnums.FocusLines.Choices}.");
            }
        }

        var filter = AgendaFilter.Parse(Query("from"), Query("to"), Query("organiser"), focusLine, Query("municipality"),
            Query("projectId"), Query("q"), includeNonPublic: false, violations);
        try
        {
            violations.ThrowIfAny();
        }
        catch (RpcException ex) when (ex.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest)
        {
            var errors = badRequest.FieldViolations.GroupBy(v => v.Field)
                .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray());
            return Results.ValidationProblem(errors, title: "Ongeldige filter voor de agenda-export.");
        }

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

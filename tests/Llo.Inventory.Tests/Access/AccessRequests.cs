using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Tests.Infrastructure;
using Llo.Testing;

namespace Llo.Inventory.Tests.Access;

/// <summary>
/// Objects owned by demo organisation 1 (made by the host's programme manager of that organisation) and the requests
/// the access tests send about them, as JSON like a web front end.
/// </summary>
public sealed class AccessRequests(InventoryHost host)
{
    public const string ApiRoot = "/api/inventory/v1";

    public static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path)
    {
        Content = new StringContent(body is IMessage message ? JsonFormatter.Default.Format(message) : JsonSerializer.Serialize(body, JsonSerializerOptions.Web),
            Encoding.UTF8, "application/json"),
    };

    public static ProjectFields Project(string title, bool withContactPerson = false)
    {
        var fields = Drafts.Valid($"{title} {Guid.NewGuid():N}");
        fields.Status = ProjectStatus.Pilot;
        if (withContactPerson)
        {
            fields.Contact = new ProjectContact
            {
                Organisation = "Stroomopwaarts", Role = "Projectleider", Consent = true,
                Name = "Fenna de Vries", Email = "fenna@example.org", Phone = "010-1234567",
            };
        }

        return fields;
    }

    public static object AgendaItem(bool isPublic = true) => new
    {
        title = "Werkconferentie " + Guid.NewGuid().ToString("N")[..6],
        date = "2030-10-01",
        startTime = "14:00",
        endTime = "16:30",
        place = "Stadskantoor Schiedam",
        organiser = "Gemeente Schiedam",
        @public = isPublic,
    };

    public static object Assessment => new
    {
        results = "120 leerlingen geplaatst",
        costs = "25000.00",
        conditions = "Een leerwerkplaats per gemeente",
        municipalities = new[] { "Schiedam" },
        proposedBy = "Albeda",
    };

    public static object DeskQuestion(bool withContact = false) => withContact
        ? new { topic = "Omscholing", question = "Waar vind ik een omscholing naar de techniek?", contact = new { consent = true, name = "Sem Jansen", email = "sem@example.org" } }
        : new { topic = "Omscholing", question = "Waar vind ik een omscholing naar de techniek?" };

    public async Task<string> OwnProjectAsync(bool withContactPerson = false) =>
        await IdOfAsync(Json(HttpMethod.Post, $"{ApiRoot}/projects", Project("Techniekpilot", withContactPerson)), "project");

    public Task<string> OwnAgendaItemAsync(bool isPublic = true) => IdOfAsync(Json(HttpMethod.Post, $"{ApiRoot}/agendaItems", AgendaItem(isPublic)));

    public Task<string> ProposalAsync(string projectId) =>
        IdOfAsync(Json(HttpMethod.Post, $"{ApiRoot}/projects/{projectId}/scalingProposals", Assessment));

    /// <summary>A desk question moved by programme staff as far as <paramref name="steps"/> ("assign", "answer").</summary>
    public async Task<string> DeskQuestionAsync(params string[] steps)
    {
        var id = await IdOfAsync(Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions", DeskQuestion(withContact: true)));
        foreach (var step in steps)
        {
            object body = step == "answer" ? new { answer = "Kijk bij het Leerwerkloket." } : new { };
            await IdOfAsync(Json(HttpMethod.Post, $"{ApiRoot}/deskQuestions/{id}:{step}", body));
        }

        return id;
    }

    private async Task<string> IdOfAsync(HttpRequestMessage request, string? wrapper = null)
    {
        var body = await (await host.Json.SendAsync(request)).JsonAsync();
        return (wrapper is null ? body : body.GetProperty(wrapper)).GetProperty("id").GetString()!;
    }

    public static TestToken Editor(Guid organisation) => InventoryHost.User(organisation, Llo.Hosting.Access.LloRoles.PartnerEditor);
}

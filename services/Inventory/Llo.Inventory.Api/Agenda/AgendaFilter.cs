using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Api.Agenda;

/// <summary>The filters of the regional agenda, shared by the list and the .ics export.</summary>
public sealed record AgendaFilter(
    DateOnly? From,
    DateOnly? To,
    string? Organiser,
    FocusLine? FocusLine,
    string? Municipality,
    Guid? ProjectId,
    string? Query,
    bool IncludeNonPublic)
{
    /// <summary>Everything that defines the result list, for page tokens.</summary>
    public string?[] Fingerprint() =>
        [From?.ToString("O"), To?.ToString("O"), Organiser, FocusLine?.ToString(), Municipality, ProjectId?.ToString(), Query, IncludeNonPublic.ToString()];

    /// <summary>Parses the filter strings as a caller sent them; problems go to <paramref name="violations"/>.</summary>
    public static AgendaFilter Parse(
        string from, string to, string organiser, int focusLine, string municipality, string projectId, string q,
        bool includeNonPublic, FieldViolations violations)
    {
        DateOnly? fromDate = null, toDate = null;
        if (!string.IsNullOrWhiteSpace(from) && (fromDate = AgendaDates.Parse(from)) is null)
        {
            violations.Add("from", $"Geen geldige datum \"{from}\" (verwacht JJJJ-MM-DD).");
        }

        if (!string.IsNullOrWhiteSpace(to) && (toDate = AgendaDates.Parse(to)) is null)
        {
            violations.Add("to", $"Geen geldige datum \"{to}\" (verwacht JJJJ-MM-DD).");
        }

        if (fromDate > toDate)
        {
            violations.Add("to", "De einddatum ligt niet voor de begindatum.");
        }

        FocusLine? line = null;
        if (focusLine != 0)
        {
            if (Enum.IsDefined((FocusLine)focusLine))
            {
                line = (FocusLine)focusLine;
            }
            else
            {
                violations.Add("focusLine", "Onbekende focuslijn.");
            }
        }

        string? place = null;
        if (!string.IsNullOrWhiteSpace(municipality) && (place = Region.Municipality(municipality)) is null)
        {
            violations.Add("municipality", $"Onbekende gemeente \"{municipality}\"; kies uit {string.Join(", ", Region.Municipalities)}.");
        }

        Guid? project = null;
        if (!string.IsNullOrWhiteSpace(projectId))
        {
            if (Guid.TryParse(projectId, out var id))
            {
                project = id;
            }
            else
            {
                violations.Add("projectId", $"Geen geldig project-id \"{projectId}\" (verwacht een GUID).");
            }
        }

        if (organiser.Length > 200)
        {
            violations.Add("organiser", "De organisator is te lang (hoogstens 200 tekens).");
        }

        if (q.Length > 200)
        {
            violations.Add("q", "De zoektekst is te lang (hoogstens 200 tekens).");
        }

        return new AgendaFilter(fromDate, toDate, NullIfBlank(organiser), line, place, project, NullIfBlank(q), includeNonPublic);
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

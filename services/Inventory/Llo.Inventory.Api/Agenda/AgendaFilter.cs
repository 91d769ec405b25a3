using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using V1 = Llo.Contracts.Inventory.V1;

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
        var fromDate = IsoDate.Optional(from, "from", violations);
        var toDate = IsoDate.Optional(to, "to", violations);
        if (fromDate > toDate)
        {
            violations.Add("to", "De einddatum (to) mag niet voor de begindatum (from) liggen.");
        }

        var line = RegionFields.FocusLine((Llo.Contracts.Common.V1.FocusLine)focusLine, "focusLine", violations);
        var place = RegionFields.Municipality(municipality, "municipality", violations);
        var project = string.IsNullOrWhiteSpace(projectId) ? null : Resource.Project.ParseId(projectId, "projectId", violations);
        var organiserText = TextField.Filter(organiser, "organiser", "De organisator", 200, violations);
        var query = TextField.Filter(q, "q", "De zoektekst", 200, violations);
        return new AgendaFilter(fromDate, toDate, organiserText, line, place, project, query, includeNonPublic);
    }
}

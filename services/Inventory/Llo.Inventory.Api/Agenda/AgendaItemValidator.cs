using System.Globalization;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Agenda;
using Llo.Inventory.Domain.Projects;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Agenda;

/// <summary>Checks every field of an agenda item and collects all problems (field names as the JSON caller sent them).</summary>
public static class AgendaItemValidator
{
    public const int MaxProjects = 20;

    /// <summary>The item, or null with the problems added to <paramref name="violations"/>. Project existence is checked by the store.</summary>
    public static AgendaItemInput? Validate(V1.AgendaItemFields? fields, string prefix, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add(prefix, "Het agendapunt ontbreekt.");
            return null;
        }

        var before = violations.IsEmpty;
        var title = Text(fields.Title, $"{prefix}.title", "De titel", 200, required: true, violations);
        var place = Text(fields.Place, $"{prefix}.place", "De plaats", 200, required: true, violations);
        var organiser = Text(fields.Organiser, $"{prefix}.organiser", "De organisator", 200, required: true, violations);
        var topic = Text(fields.Topic, $"{prefix}.topic", "Het onderwerp", 200, required: false, violations);
        var description = Text(fields.Description, $"{prefix}.description", "De beschrijving", 4000, required: false, violations);

        DateOnly? date = null;
        if (string.IsNullOrWhiteSpace(fields.Date))
        {
            violations.Add($"{prefix}.date", "De datum is verplicht (JJJJ-MM-DD).");
        }
        else
        {
            date = AgendaDates.Parse(fields.Date);
            if (date is null)
            {
                violations.Add($"{prefix}.date", $"Geen geldige datum \"{fields.Date}\" (verwacht JJJJ-MM-DD).");
            }
        }

        var start = Time(fields.StartTime, $"{prefix}.startTime", "De begintijd", violations);
        var end = Time(fields.EndTime, $"{prefix}.endTime", "De eindtijd", violations);
        if (start is not null && end is not null && end <= start)
        {
            violations.Add($"{prefix}.endTime", "De eindtijd ligt na de begintijd.");
        }

        var projectIds = new List<Guid>();
        if (fields.ProjectIds.Count > MaxProjects)
        {
            violations.Add($"{prefix}.projectIds", $"Hoogstens {MaxProjects} gekoppelde projecten.");
        }

        for (var i = 0; i < fields.ProjectIds.Count; i++)
        {
            if (Guid.TryParse(fields.ProjectIds[i], out var id) && id != Guid.Empty)
            {
                if (!projectIds.Contains(id))
                {
                    projectIds.Add(id);
                }
            }
            else
            {
                violations.Add($"{prefix}.projectIds[{i}]", $"Geen geldig project-id \"{fields.ProjectIds[i]}\" (verwacht een GUID).");
            }
        }

        FocusLine? focusLine = null;
        if (fields.FocusLine != V1.FocusLine.Unspecified)
        {
            if (Enum.IsDefined((FocusLine)(int)fields.FocusLine))
            {
                focusLine = (FocusLine)(int)fields.FocusLine;
            }
            else
            {
                violations.Add($"{prefix}.focusLine", "Onbekende focuslijn.");
            }
        }

        string? municipality = null;
        if (!string.IsNullOrWhiteSpace(fields.Municipality))
        {
            municipality = Region.Municipality(fields.Municipality);
            if (municipality is null)
            {
                violations.Add($"{prefix}.municipality",
                    $"Onbekende gemeente \"{fields.Municipality}\"; kies uit {string.Join(", ", Region.Municipalities)}.");
            }
        }

        if (!before || !violations.IsEmpty)
        {
            return null;
        }

        return new AgendaItemInput(title, date!.Value, start!.Value, end!.Value, place, organiser, topic, description,
            projectIds, focusLine, municipality, fields.Public);
    }

    private static string Text(string value, string field, string label, int max, bool required, FieldViolations violations)
    {
        var trimmed = value.Trim();
        if (required && trimmed.Length == 0)
        {
            violations.Add(field, $"{label} is verplicht.");
        }
        else if (trimmed.Length > max)
        {
            violations.Add(field, $"{label} is te lang (hoogstens {max.ToString(CultureInfo.InvariantCulture)} tekens).");
        }

        return trimmed;
    }

    private static TimeOnly? Time(string value, string field, string label, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, $"{label} is verplicht (UU:MM).");
            return null;
        }

        var time = AgendaTimes.Parse(value);
        if (time is null)
        {
            violations.Add(field, $"Geen geldige tijd \"{value}\" (verwacht UU:MM).");
        }

        return time;
    }
}

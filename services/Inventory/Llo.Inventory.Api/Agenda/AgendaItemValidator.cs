using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Agenda;
using Llo.Inventory.Domain.Projects;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Agenda;

/// <summary>Checks every field of an agenda item and collects all problems (field names as the JSON caller sent them).</summary>
public static class AgendaItemValidator
{
    /// <summary>The item, or null with the problems added to <paramref name="violations"/>. Project existence is checked by the store.</summary>
    public static AgendaItemInput? Validate(V1.AgendaItemFields? fields, string prefix, FieldViolations violations)
    {
        if (fields is null)
        {
            violations.Add(prefix, "Het agendapunt ontbreekt.");
            return null;
        }

        var before = violations.IsEmpty;
        var title = TextField.Check(fields.Title, $"{prefix}.title", "De titel", 200, required: true, violations);
        var place = TextField.Check(fields.Place, $"{prefix}.place", "De plaats", 200, required: true, violations);
        var organiser = TextField.Check(fields.Organiser, $"{prefix}.organiser", "De organisator", 200, required: true, violations);
        var topic = TextField.Check(fields.Topic, $"{prefix}.topic", "Het onderwerp", 200, required: false, violations);
        var description = TextField.Check(fields.Description, $"{prefix}.description", "De beschrijving", 4000, required: false, violations);

        var date = IsoDate.Optional(fields.Date, $"{prefix}.date", violations);
        if (string.IsNullOrWhiteSpace(fields.Date))
        {
            violations.Add($"{prefix}.date", "De datum is verplicht (JJJJ-MM-DD).");
        }

        var start = Time(fields.StartTime, $"{prefix}.startTime", "De begintijd", violations);
        var end = Time(fields.EndTime, $"{prefix}.endTime", "De eindtijd", violations);
        if (start is not null && end is not null && end <= start)
        {
            violations.Add($"{prefix}.endTime", "De eindtijd moet na de begintijd liggen.");
        }

        var projectIds = new List<Guid>();
        var projectCount = InventoryLists.AgendaProjects.Check(fields.ProjectIds.Count, $"{prefix}.projectIds", violations) ? fields.ProjectIds.Count : 0;
        for (var i = 0; i < projectCount; i++)
        {
            if (Resource.Project.ParseId(fields.ProjectIds[i], $"{prefix}.projectIds[{i}]", violations) is { } id && !projectIds.Contains(id))
            {
                projectIds.Add(id);
            }
        }

        var focusLine = RegionFields.FocusLine(fields.FocusLine, $"{prefix}.focusLine", violations);
        var municipality = RegionFields.Municipality(fields.Municipality, $"{prefix}.municipality", violations);

        if (!before || !violations.IsEmpty)
        {
            return null;
        }

        return new AgendaItemInput(title, date!.Value, start!.Value, end!.Value, place, organiser, topic, description,
            projectIds, focusLine, municipality, fields.Public);
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
            violations.Add(field, $"Geen geldige tijd \"{Echo.Of(value.Trim())}\": gebruik UU:MM, bv. 14:00.");
        }

        return time;
    }
}

using Llo.Inventory.Domain.Projects;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Validation;

/// <summary>
/// Checks every field of a <see cref="Contract.ProjectFields"/> and turns it into normalised <see cref="ProjectData"/>.
/// All problems are added to <see cref="FieldViolations"/> under their JSON names ("project.partners[1].role");
/// the result is null when there was any.
/// </summary>
public static class ProjectFieldsValidator
{
    public static ProjectData? Validate(Contract.ProjectFields? fields, string prefix, FieldViolations violations)
    {
        var before = violations.Count;
        if (fields is null)
        {
            violations.Add(prefix, "Het project ontbreekt.");
            return null;
        }

        string F(string name) => $"{prefix}.{name}";

        var title = Text(fields.Title, F("title"), 3, 200, violations, required: true);
        var summary = Text(fields.Summary, F("summary"), 0, 500, violations);
        var description = Text(fields.Description, F("description"), 0, 10_000, violations);
        var results = Text(fields.Results, F("results"), 0, 10_000, violations);
        var lessons = Text(fields.LessonsLearned, F("lessonsLearned"), 0, 10_000, violations);

        var focusLines = Enums(fields.FocusLines, InventoryLists.FocusLines, InventoryEnums.FocusLines, F("focusLines"), "focuslijn", violations);
        var themes = Enums(fields.Themes, InventoryLists.Themes, InventoryEnums.Themes, F("themes"), "thema", violations);
        var sectors = Words(fields.Sectors, InventoryLists.Sectors, F("sectors"), violations, Region.Sector);
        var targetGroups = Words(fields.TargetGroups, InventoryLists.TargetGroups, F("targetGroups"), violations, s => s.Trim());

        var campus = RegionFields.Campus(fields.Campus, F("campus"), violations);

        var municipalities = RegionFields.Municipalities(fields.Municipalities, InventoryLists.ProjectMunicipalities, F("municipalities"), violations);

        var partners = Partners(fields.Partners, F("partners"), violations);

        var status = InventoryEnums.ProjectStatuses.Required(fields.Status, F("status"), "status", violations) ?? default;

        var start = IsoDate.Optional(fields.StartDate, F("startDate"), violations);
        var end = IsoDate.Optional(fields.EndDate, F("endDate"), violations);
        if (start is { } s && end is { } e && e < s)
        {
            violations.Add(F("endDate"), "De einddatum ligt voor de startdatum.");
        }

        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(fields.BudgetEstimate))
        {
            var (amount, error) = Budget.Parse(fields.BudgetEstimate);
            if (error is not null)
            {
                violations.Add(F("budgetEstimate"), error);
            }

            budget = amount;
        }

        var contact = Contact(fields.Contact, F("contact"), violations);
        var links = Links(fields.Links, F("links"), violations);

        if (violations.Count > before)
        {
            return null;
        }

        return new ProjectData(title, summary, description, focusLines, themes, sectors, targetGroups, campus, municipalities,
            partners, status, start, end, budget, contact, results, lessons, links);
    }

    private static string Text(string value, string field, int min, int max, FieldViolations violations, bool required = false)
    {
        var trimmed = value.Trim();
        if (required && trimmed.Length == 0)
        {
            violations.Add(field, "Dit veld is verplicht.");
        }
        else if (trimmed.Length > 0 && trimmed.Length < min)
        {
            violations.Add(field, $"Minstens {min} tekens.");
        }
        else if (trimmed.Length > max)
        {
            violations.Add(field, $"Hoogstens {max} tekens (nu {trimmed.Length}).");
        }
        else if (TextField.CharacterProblem(trimmed) is { } problem)
        {
            violations.Add(field, problem);
        }

        return trimmed;
    }

    private static List<TDomain> Enums<TContract, TDomain>(
        IList<TContract> values, ListBound bound, EnumMap<TContract, TDomain> map, string field, string label, FieldViolations violations)
        where TContract : struct, Enum
        where TDomain : struct, Enum
    {
        var result = new List<TDomain>();
        if (!bound.Check(values.Count, field, violations))
        {
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (map.Required(values[i], $"{field}[{i}]", label, violations) is { } domain && !result.Contains(domain))
            {
                result.Add(domain);
            }
        }

        return result;
    }

    private static List<string> Words(IList<string> values, ListBound bound, string field, FieldViolations violations, Func<string, string> normalise)
    {
        var result = new List<string>();
        if (!bound.Check(values.Count, field, violations))
        {
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = normalise(values[i]);
            if (value.Length is < 2 or > 80)
            {
                violations.Add($"{field}[{i}]", "Tussen 2 en 80 tekens.");
            }
            else if (TextField.CharacterProblem(value) is { } problem)
            {
                violations.Add($"{field}[{i}]", problem);
            }
            else if (!result.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static List<ProjectPartner> Partners(IList<Contract.ProjectPartner> values, string field, FieldViolations violations)
    {
        var result = new List<ProjectPartner>();
        if (!InventoryLists.Partners.Check(values.Count, field, violations))
        {
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var organisation = Text(values[i].Organisation, $"{field}[{i}].organisation", 2, 200, violations, required: true);
            var role = InventoryEnums.PartnerRoles.Required(values[i].Role, $"{field}[{i}].role", "rol (penvoerder, partner of financier)", violations);

            if (result.Any(p => string.Equals(p.Organisation, organisation, StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"{field}[{i}].organisation", $"\"{organisation}\" staat al in de lijst.");
            }
            else
            {
                result.Add(new ProjectPartner(organisation, role ?? default));
            }
        }

        return result;
    }

    private static ProjectContact? Contact(Contract.ProjectContact? contact, string field, FieldViolations violations)
    {
        if (contact is null)
        {
            return null;
        }

        var organisation = Text(contact.Organisation, $"{field}.organisation", 2, 200, violations);
        var role = Text(contact.Role, $"{field}.role", 2, 100, violations);
        if (!contact.Consent)
        {
            // Personal details without consent are refused, not silently dropped: the sender must know they were not kept.
            const string noConsent = "Persoonsgegevens worden alleen opgeslagen met toestemming (contact.consent = true).";
            if (contact.Name.Length > 0) violations.Add($"{field}.name", noConsent);
            if (contact.Email.Length > 0) violations.Add($"{field}.email", noConsent);
            if (contact.Phone.Length > 0) violations.Add($"{field}.phone", noConsent);
            return organisation.Length == 0 && role.Length == 0 ? null : new ProjectContact(organisation, role, false, null, null, null);
        }

        var name = Text(contact.Name, $"{field}.name", 2, 200, violations);
        var email = EmailAddress.Optional(contact.Email, $"{field}.email", violations);
        var phone = PhoneNumber.Optional(contact.Phone, $"{field}.phone", violations);
        if (name.Length == 0 && contact.Email.Trim().Length == 0 && contact.Phone.Trim().Length == 0)
        {
            violations.Add($"{field}.name", "Met toestemming hoort er een naam, e-mailadres of telefoonnummer bij.");
        }

        return new ProjectContact(organisation, role, true, NullIfEmpty(name), email, phone);
    }

    private static List<ProjectLink> Links(IList<Contract.ProjectLink> values, string field, FieldViolations violations)
    {
        var result = new List<ProjectLink>();
        if (!InventoryLists.Links.Check(values.Count, field, violations))
        {
            return result;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var title = Text(values[i].Title, $"{field}[{i}].title", 1, 200, violations, required: true);
            var url = values[i].Url.Trim();
            if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                violations.Add($"{field}[{i}].url", "Geen geldig webadres: een volledige http(s)-link, bv. https://www.riverboard.nl.");
            }
            else if (TextField.CharacterProblem(url) is { } problem)
            {
                // A link is shown as typed: an override in it would disguise where it leads.
                violations.Add($"{field}[{i}].url", problem);
            }
            else
            {
                result.Add(new ProjectLink(title, url));
            }
        }

        return result;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

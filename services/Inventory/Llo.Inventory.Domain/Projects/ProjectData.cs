namespace Llo.Inventory.Domain.Projects;

public sealed record ProjectPartner(string Organisation, PartnerRole Role);

/// <summary>The contact of a project: an organisation role, and a person only with their consent.</summary>
public sealed record ProjectContact(string Organisation, string Role, bool Consent, string? Name, string? Email, string? Phone)
{
    /// <summary>The same contact with every personal detail removed (what is kept without consent).</summary>
    public ProjectContact WithoutPerson() => this with { Consent = false, Name = null, Email = null, Phone = null };
}

public sealed record ProjectLink(string Title, string Url);

/// <summary>
/// A project's own facts, validated and normalised (trimmed, canonical campus and municipality spellings, no duplicates).
/// </summary>
public sealed record ProjectData(
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<FocusLine> FocusLines,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> TargetGroups,
    string? Campus,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<ProjectPartner> Partners,
    ProjectStatus Status,
    DateOnly? StartDate,
    DateOnly? EndDate,
    decimal? BudgetEstimate,
    ProjectContact? Contact,
    string Results,
    string LessonsLearned,
    IReadOnlyList<ProjectLink> Links)
{
    /// <summary>The contract names (snake_case, as in ProjectFields) of the fields that differ from <paramref name="other"/>.</summary>
    public IReadOnlyList<string> ChangedFields(ProjectData other)
    {
        var changed = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                changed.Add(name);
            }
        }

        Check("title", Title == other.Title);
        Check("summary", Summary == other.Summary);
        Check("description", Description == other.Description);
        Check("focus_lines", FocusLines.SequenceEqual(other.FocusLines));
        Check("themes", Themes.SequenceEqual(other.Themes));
        Check("sectors", Sectors.SequenceEqual(other.Sectors));
        Check("target_groups", TargetGroups.SequenceEqual(other.TargetGroups));
        Check("campus", Campus == other.Campus);
        Check("municipalities", Municipalities.SequenceEqual(other.Municipalities));
        Check("partners", Partners.SequenceEqual(other.Partners));
        Check("status", Status == other.Status);
        Check("start_date", StartDate == other.StartDate);
        Check("end_date", EndDate == other.EndDate);
        Check("budget_estimate", BudgetEstimate == other.BudgetEstimate);
        Check("contact", Equals(Contact, other.Contact));
        Check("results", Results == other.Results);
        Check("lessons_learned", LessonsLearned == other.LessonsLearned);
        Check("links", Links.SequenceEqual(other.Links));
        return changed;
    }

    /// <summary>
    /// What joining a draft to this project means: the draft's partners and links that are not there yet are added
    /// (organisations and urls compared without case). Everything else stays as it is.
    /// </summary>
    public ProjectData Join(ProjectData draft)
    {
        var partners = Partners.ToList();
        foreach (var partner in draft.Partners)
        {
            if (!partners.Any(p => string.Equals(p.Organisation, partner.Organisation, StringComparison.OrdinalIgnoreCase)))
            {
                partners.Add(partner);
            }
        }

        var links = Links.ToList();
        foreach (var link in draft.Links)
        {
            if (!links.Any(l => string.Equals(l.Url, link.Url, StringComparison.OrdinalIgnoreCase)))
            {
                links.Add(link);
            }
        }

        return this with { Partners = partners, Links = links };
    }
}

using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Llo.Persistence;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Search;

/// <summary>The validated filters of a ListProjectsRequest as a SQL condition over <c>projects p</c> and <c>q.query</c>.</summary>
public sealed class ProjectQuery
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, object Value)> _parameters = [];

    public string? Text { get; private set; }

    /// <summary>Everything that defines the result list, for the page token's fingerprint.</summary>
    public string Canonical { get; private set; } = "";


    public static ProjectQuery From(Contract.ListProjectsRequest r, FieldViolations violations)
    {
        var query = new ProjectQuery();
        if (TextField.Filter(r.Q, "q", "De zoektekst", 200, violations) is { } text)
        {
            query.Text = text;
            // A query of only stop words ("de het") has no lexemes: it then filters nothing rather than everything.
            query._conditions.Add("(numnode(q.query) = 0 OR p.search @@ q.query)");
        }

        if (!r.IncludeArchived)
        {
            query._conditions.Add("NOT p.archived");
        }

        if (RegionFields.FocusLine(r.FocusLine, "focusLine", violations) is { } focusLine)
            query.Add("p.focus_lines @> ARRAY[@focus_line]", "focus_line", focusLine.ToString());

        if (InventoryEnums.Themes.Optional(r.Theme, "theme", "thema", violations) is { } theme)
            query.Add("p.themes @> ARRAY[@theme]", "theme", theme.ToString());

        if (InventoryEnums.ProjectStatuses.Optional(r.Status, "status", "status", violations) is { } status)
            query.Add("p.status = @status", "status", status.ToString());

        if (TextField.Filter(r.Sector, "sector", "De sector", 80, violations) is { } sector)
            query.Add("EXISTS (SELECT 1 FROM unnest(p.sectors) s WHERE lower(s) = lower(@sector))", "sector", sector);

        if (TextField.Filter(r.TargetGroup, "targetGroup", "De doelgroep", 80, violations) is { } targetGroup)
            query.Add("EXISTS (SELECT 1 FROM unnest(p.target_groups) g WHERE lower(g) = lower(@target_group))", "target_group", targetGroup);

        if (RegionFields.Campus(r.Campus, "campus", violations) is { } campus)
            query.Add("p.campus = @campus", "campus", campus);

        if (RegionFields.Municipality(r.Municipality, "municipality", violations) is { } municipality)
            query.Add("p.municipalities @> ARRAY[@municipality]", "municipality", municipality);

        if (TextField.Filter(r.Partner, "partner", "De partner", 200, violations) is { } partner)
            query.Add("EXISTS (SELECT 1 FROM jsonb_array_elements(p.partners) x WHERE x ->> 'organisation' ILIKE @partner)", "partner",
                TextField.ContainsPattern(partner));

        var from = IsoDate.Optional(r.ActiveFrom, "activeFrom", violations);
        var to = IsoDate.Optional(r.ActiveTo, "activeTo", violations);
        if (from is { } f && to is { } t && t < f)
        {
            violations.Add("activeTo", "activeTo mag niet voor activeFrom liggen.");
        }

        // A project without a known period cannot be said to be active in one.
        if (from is { } activeFrom)
            query.Add("p.start_date IS NOT NULL AND (p.end_date IS NULL OR p.end_date >= @active_from)", "active_from", activeFrom);
        if (to is { } activeTo)
            query.Add("p.start_date IS NOT NULL AND p.start_date <= @active_to", "active_to", activeTo);

        query.Canonical = string.Join('|', query.Text, r.IncludeArchived, string.Join(',', query._parameters.Select(p => $"{p.Name}={p.Value}")));
        return query;
    }

    /// <summary>
    /// The list over <c>projects p</c> with these filters; <c>q.query</c> is the search text as a <c>tsquery</c>
    /// (empty without text), <c>@q</c> the text itself or null.
    /// </summary>
    public ListQuery ToList()
    {
        var list = new ListQuery("projects p, q") { With = "WITH q AS (SELECT websearch_to_tsquery('dutch', coalesce(@q, '')) AS query)" };
        list.Parameter("q", Text, System.Data.DbType.String);
        foreach (var condition in _conditions)
        {
            list.Filter(condition);
        }

        foreach (var (name, value) in _parameters)
        {
            list.Parameter(name, value);
        }

        return list;
    }

    private void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        _parameters.Add((name, value));
    }
}

using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using Npgsql;
using NpgsqlTypes;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Search;

/// <summary>The validated filters of a ListProjectsRequest as a SQL condition over <c>projects p</c> and <c>q.query</c>.</summary>
public sealed class ProjectQuery
{
    private readonly List<string> _conditions = [];
    private readonly List<(string Name, NpgsqlDbType Type, object Value)> _parameters = [];

    public string? Text { get; private set; }

    /// <summary>Everything that defines the result list, for the page token's fingerprint.</summary>
    public string Canonical { get; private set; } = "";

    public string Where => _conditions.Count == 0 ? "true" : string.Join(" AND ", _conditions);

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
            query.Add("p.focus_lines @> ARRAY[@focus_line]", "focus_line", NpgsqlDbType.Text, focusLine.ToString());

        if (InventoryEnums.Themes.Optional(r.Theme, "theme", "thema", violations) is { } theme)
            query.Add("p.themes @> ARRAY[@theme]", "theme", NpgsqlDbType.Text, theme.ToString());

        if (InventoryEnums.ProjectStatuses.Optional(r.Status, "status", "status", violations) is { } status)
            query.Add("p.status = @status", "status", NpgsqlDbType.Text, status.ToString());

        if (TextField.Filter(r.Sector, "sector", "De sector", 80, violations) is { } sector)
            query.Add("EXISTS (SELECT 1 FROM unnest(p.sectors) s WHERE lower(s) = lower(@sector))", "sector", NpgsqlDbType.Text, sector);

        if (TextField.Filter(r.TargetGroup, "targetGroup", "De doelgroep", 80, violations) is { } targetGroup)
            query.Add("EXISTS (SELECT 1 FROM unnest(p.target_groups) g WHERE lower(g) = lower(@target_group))", "target_group", NpgsqlDbType.Text, targetGroup);

        if (RegionFields.Campus(r.Campus, "campus", violations) is { } campus)
            query.Add("p.campus = @campus", "campus", NpgsqlDbType.Text, campus);

        if (RegionFields.Municipality(r.Municipality, "municipality", violations) is { } municipality)
            query.Add("p.municipalities @> ARRAY[@municipality]", "municipality", NpgsqlDbType.Text, municipality);

        if (TextField.Filter(r.Partner, "partner", "De partner", 200, violations) is { } partner)
            query.Add("EXISTS (SELECT 1 FROM jsonb_array_elements(p.partners) x WHERE x ->> 'organisation' ILIKE @partner)", "partner", NpgsqlDbType.Text,
                TextField.ContainsPattern(partner));

        var from = IsoDate.Optional(r.ActiveFrom, "activeFrom", violations);
        var to = IsoDate.Optional(r.ActiveTo, "activeTo", violations);
        if (from is { } f && to is { } t && t < f)
        {
            violations.Add("activeTo", "activeTo mag niet voor activeFrom liggen.");
        }

        // A project without a known period cannot be said to be active in one.
        if (from is { } activeFrom)
            query.Add("p.start_date IS NOT NULL AND (p.end_date IS NULL OR p.end_date >= @active_from)", "active_from", NpgsqlDbType.Date, activeFrom);
        if (to is { } activeTo)
            query.Add("p.start_date IS NOT NULL AND p.start_date <= @active_to", "active_to", NpgsqlDbType.Date, activeTo);

        query.Canonical = string.Join('|', query.Text, r.IncludeArchived, string.Join(',', query._parameters.Select(p => $"{p.Name}={p.Value}")));
        return query;
    }

    public void Bind(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("q", NpgsqlDbType.Text, (object?)Text ?? DBNull.Value);
        foreach (var (name, type, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, type, value);
        }
    }

    private void Add(string condition, string name, NpgsqlDbType type, object value)
    {
        _conditions.Add(condition);
        _parameters.Add((name, type, value));
    }
}

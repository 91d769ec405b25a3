using System.Globalization;
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
        var text = r.Q.Trim();
        if (text.Length > 200)
        {
            violations.Add("q", "De zoektekst is hoogstens 200 tekens.");
        }
        else if (text.Length > 0)
        {
            query.Text = text;
            // A query of only stop words ("de het") has no lexemes: it then filters nothing rather than everything.
            query._conditions.Add("(numnode(q.query) = 0 OR p.search @@ q.query)");
        }

        if (!r.IncludeArchived)
        {
            query._conditions.Add("NOT p.archived");
        }

        if (r.FocusLine != Contract.FocusLine.Unspecified)
        {
            if (Enum.IsDefined((FocusLine)(int)r.FocusLine))
                query.Add("p.focus_lines @> ARRAY[@focus_line]", "focus_line", NpgsqlDbType.Text, ((FocusLine)(int)r.FocusLine).ToString());
            else
                violations.Add("focusLine", "Onbekende focuslijn.");
        }

        if (r.Theme != Contract.Theme.Unspecified)
        {
            if (Enum.IsDefined((Theme)(int)r.Theme))
                query.Add("p.themes @> ARRAY[@theme]", "theme", NpgsqlDbType.Text, ((Theme)(int)r.Theme).ToString());
            else
                violations.Add("theme", "Onbekend thema.");
        }

        if (r.Status != Contract.ProjectStatus.Unspecified)
        {
            if (Enum.IsDefined((ProjectStatus)(int)r.Status))
                query.Add("p.status = @status", "status", NpgsqlDbType.Text, ((ProjectStatus)(int)r.Status).ToString());
            else
                violations.Add("status", "Onbekende status.");
        }

        if (!string.IsNullOrWhiteSpace(r.Sector))
            query.Add("EXISTS (SELECT 1 FROM unnest(p.sectors) s WHERE lower(s) = lower(@sector))", "sector", NpgsqlDbType.Text, r.Sector.Trim());

        if (!string.IsNullOrWhiteSpace(r.TargetGroup))
            query.Add("EXISTS (SELECT 1 FROM unnest(p.target_groups) g WHERE lower(g) = lower(@target_group))", "target_group", NpgsqlDbType.Text, r.TargetGroup.Trim());

        if (!string.IsNullOrWhiteSpace(r.Campus))
        {
            if (Region.Campus(r.Campus) is { } campus)
                query.Add("p.campus = @campus", "campus", NpgsqlDbType.Text, campus);
            else
                violations.Add("campus", $"Onbekende campus. Kies uit: {string.Join(", ", Region.Campuses)}.");
        }

        if (!string.IsNullOrWhiteSpace(r.Municipality))
        {
            if (Region.Municipality(r.Municipality) is { } municipality)
                query.Add("p.municipalities @> ARRAY[@municipality]", "municipality", NpgsqlDbType.Text, municipality);
            else
                violations.Add("municipality", $"Onbekende gemeente. Kies uit: {string.Join(", ", Region.Municipalities)}.");
        }

        if (!string.IsNullOrWhiteSpace(r.Partner))
        {
            var pattern = "%" + r.Partner.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query.Add("EXISTS (SELECT 1 FROM jsonb_array_elements(p.partners) x WHERE x ->> 'organisation' ILIKE @partner)", "partner", NpgsqlDbType.Text, pattern);
        }

        var from = Date(r.ActiveFrom, "activeFrom", violations);
        var to = Date(r.ActiveTo, "activeTo", violations);
        if (from is { } f && to is { } t && t < f)
        {
            violations.Add("activeTo", "activeTo ligt voor activeFrom.");
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

    private static DateOnly? Date(string value, string field, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        violations.Add(field, "Geen geldige datum: gebruik jjjj-mm-dd.");
        return null;
    }
}

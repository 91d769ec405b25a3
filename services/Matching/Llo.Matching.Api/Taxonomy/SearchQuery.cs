using System.Globalization;

namespace Llo.Matching.Api.Taxonomy;

/// <summary>An autocomplete query checked: the words typed (field <c>q</c>) and how many hits (<c>pageSize</c>).</summary>
internal static class SearchQuery
{
    public const int MaxLength = 100;
    public const int DefaultSize = 10;
    public const int MaxSize = 50;

    public static (string Query, int Size) Check(string q, int pageSize)
    {
        var violations = new FieldViolations();
        var query = TextField.Check(q, "q", "De zoekterm", MaxLength, required: true, violations);
        if (pageSize is < 0 or > MaxSize)
        {
            violations.Add("pageSize", $"Het aantal resultaten moet tussen 1 en {MaxSize.ToString(CultureInfo.InvariantCulture)} liggen (nu {pageSize.ToString(CultureInfo.InvariantCulture)}).");
        }

        violations.ThrowIfAny();
        return (query, pageSize == 0 ? DefaultSize : pageSize);
    }
}

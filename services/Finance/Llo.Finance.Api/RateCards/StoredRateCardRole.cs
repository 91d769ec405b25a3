using System.Text.Json;
using Llo.Finance.Domain.RateCards;
using Llo.Persistence;

namespace Llo.Finance.Api.RateCards;

/// <summary>A staffing line a role fills for a part of the year, as the jsonb column holds it.</summary>
public sealed record StaffingShare(string ExpenseLineId, decimal PartOfYear);

/// <summary>
/// One role of one year's rate card as <c>rate_card_roles</c> holds it (columns in constructor order); the assignments
/// travel as JSON text. <see cref="ToDomain"/> gives the role the cost is computed with.
/// </summary>
public sealed record StoredRateCardRole(
    int Year,
    string RoleId,
    int Position,
    string Name,
    long HourlyRateCents,
    decimal HoursPerWeek,
    decimal WeeksPerYear,
    string Assignments,
    long Version,
    DateTimeOffset UpdatedAt) : IVersioned
{
    public const string Columns =
        "year, role_id, position, name, hourly_rate_cents, hours_per_week, weeks_per_year, assignments::text AS assignments, version, updated_at";

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public RateCardRole ToDomain() => new(RoleId, Name, HourlyRateCents / 100m, HoursPerWeek, WeeksPerYear);

    public IReadOnlyList<StaffingShare> Shares => JsonSerializer.Deserialize<List<StaffingShare>>(Assignments, Json)!;

    public static string SharesJson(IEnumerable<StaffingShare> shares) => JsonSerializer.Serialize(shares, Json);

    /// <summary>The cost of each staffing line for its part of the year.</summary>
    public IEnumerable<(StaffingShare Share, decimal Cost)> Costs()
    {
        var role = ToDomain();
        return Shares.Select(s => (s, role.YearlyCost(PartYear.Of(s.PartOfYear))));
    }
}

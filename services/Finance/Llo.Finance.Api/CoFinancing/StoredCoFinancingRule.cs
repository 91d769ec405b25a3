using Llo.Finance.Domain.Planning;
using Llo.Persistence;

namespace Llo.Finance.Api.CoFinancing;

/// <summary>A rule as <c>co_financing_rules</c> holds it (columns in constructor order).</summary>
public sealed record StoredCoFinancingRule(
    Guid Id,
    string Funder,
    int RequiredOwnSharePercent,
    int? FirstYear,
    int? LastYear,
    string? Source,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersioned
{
    public const string Columns = "id, funder, required_own_share_percent, first_year, last_year, source, version, created_at, updated_at";

    public CoFinancingRule ToDomain() => new(Funder, RequiredOwnSharePercent / 100m, Id.ToString("D"), FirstYear, LastYear);
}

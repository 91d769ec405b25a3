using System.Text.Json;
using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Persistence;

namespace Llo.Finance.Api.Applications;

/// <summary>
/// An application as <c>funding_applications</c> holds it (columns in constructor order). The jsonb amounts (cents per
/// year) and the funders travel as JSON text: Dapper hands a text[] column over as System.Array, which no constructor takes. <see cref="ToDomain"/> gives the domain object the workflow runs on.
/// </summary>
public sealed record StoredApplication(
    string Id,
    string Title,
    string Funders,
    string? LeadApplicant,
    string Requested,
    int ProbabilityPercent,
    string Status,
    string? Granted,
    string? Notes,
    string? IncomeLineId,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt) : IVersioned
{
    public const string Columns =
        "id, title, to_json(funders)::text AS funders, lead_applicant, requested::text AS requested, probability_percent, status, granted::text AS granted, notes, income_line_id, version, created_at, updated_at";

    public FundingApplication ToDomain() => new(
        Id, Title, JsonSerializer.Deserialize<string[]>(Funders)!, LeadApplicant, AmountsOf(Requested), ProbabilityPercent / 100m, Enum.Parse<FundingApplicationStatus>(Status),
        Granted is null ? null : AmountsOf(Granted), notes: Notes, incomeLineId: IncomeLineId);

    public static StoredApplication From(FundingApplication application, int probabilityPercent, long version, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new(
        application.Id, application.Title, JsonSerializer.Serialize(application.Funders), application.LeadApplicant, Json(application.Requested), probabilityPercent,
        application.Status.ToString(), application.Granted is null ? null : Json(application.Granted), application.Notes, application.IncomeLineId,
        version, createdAt, updatedAt);

    private static AmountsPerYear AmountsOf(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<int, long>>(json)!.ToDictionary(a => a.Key, a => a.Value / 100m));

    private static string Json(AmountsPerYear amounts) =>
        JsonSerializer.Serialize(amounts.Entries.ToDictionary(a => a.Key, a => Llo.Contracts.Common.V1.Money.FromEuros(a.Value).Cents));
}

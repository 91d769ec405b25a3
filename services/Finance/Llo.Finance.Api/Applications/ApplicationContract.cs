using Llo.Contracts.Common.V1;
using Llo.Finance.Domain.Budgets;
using Workflow = Llo.Finance.Domain.Applications;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Applications;

/// <summary>An application as the wire carries it: decimal euros become whole cents, statuses map by name.</summary>
public static class ApplicationContract
{
    public static readonly EnumMap<V1.FundingApplicationStatus, Workflow.FundingApplicationStatus> Statuses = new();

    public static V1.FundingApplication ToContract(this StoredApplication stored)
    {
        var application = stored.ToDomain();
        var fields = new V1.FundingApplicationFields
        {
            Title = application.Title,
            LeadApplicant = application.LeadApplicant ?? "",
            ProbabilityPercent = stored.ProbabilityPercent,
            Notes = application.Notes ?? "",
            IncomeLineId = application.IncomeLineId ?? "",
        };
        fields.Funders.AddRange(application.Funders);
        fields.Requested.AddRange(Amounts(application.Requested));
        var answer = new V1.FundingApplication
        {
            Id = application.Id, Fields = fields, Status = Statuses.ToContract(application.Status), Version = stored.Version,
        };
        if (application.Granted is { } granted)
        {
            answer.Granted.AddRange(Amounts(granted));
        }

        return answer;
    }

    private static IEnumerable<V1.YearAmount> Amounts(AmountsPerYear amounts) =>
        amounts.Entries.Select(a => new V1.YearAmount { Year = a.Key, Amount = Money.FromEuros(a.Value) });
}

using Google.Protobuf.WellKnownTypes;
using Llo.Contracts.Common.V1;
using Llo.Finance.Domain.Money;
using V1 = Llo.Contracts.Finance.V1;

namespace Llo.Finance.Api.Contributions;

/// <summary>A contribution as the wire carries it: cents, enums by name, VAT computed for the partner.</summary>
public static class ContributionContract
{
    public static readonly EnumMap<V1.PartnerCategory, Domain.Contributions.PartnerCategory> Categories = new();

    public static V1.ContributionFields Fields(StoredContribution stored) => new()
    {
        OrganisationId = stored.OrganisationId.ToString("D"),
        Partner = stored.Partner,
        Category = Categories.ToContract(stored.CategoryValue),
        Year = stored.Year,
        Committed = new Money { Cents = stored.CommittedCents },
        Invoiced = new Money { Cents = stored.InvoicedCents },
        Paid = new Money { Cents = stored.PaidCents },
        ExistingBudget = stored.ExistingBudget switch
        {
            true => V1.ExistingBudget.Yes,
            false => V1.ExistingBudget.No,
            null => V1.ExistingBudget.Unspecified,
        },
        VatRecoverable = stored.VatRecoverable,
        ProbabilityPercent = stored.ProbabilityPercent,
        IncomeLineId = stored.IncomeLineId ?? "",
        Notes = stored.Notes ?? "",
    };

    public static V1.Contribution ToContract(this StoredContribution stored)
    {
        var committed = stored.CommittedCents / 100m;
        var answer = new V1.Contribution
        {
            Id = stored.Id,
            Fields = Fields(stored),
            Outstanding = new Money { Cents = stored.CommittedCents - stored.PaidCents },
            Vat = Money.FromEuros(Vat.On(committed)),
            CommittedIncludingVat = Money.FromEuros(Vat.Including(committed)),
            CostToPartner = Money.FromEuros(Vat.CostTo(stored.VatRecoverable, committed)),
            Version = stored.Version,
        };
        if (stored.ConfirmedAt is { } confirmed)
        {
            answer.ConfirmedAt = Timestamp.FromDateTimeOffset(confirmed);
        }

        return answer;
    }

    public static V1.ContributionTotal Total(StoredContributionTotal total) => new()
    {
        Category = Categories.ToContract(System.Enum.Parse<Domain.Contributions.PartnerCategory>(total.Category)),
        Committed = new Money { Cents = total.Committed },
        Invoiced = new Money { Cents = total.Invoiced },
        Paid = new Money { Cents = total.Paid },
    };
}

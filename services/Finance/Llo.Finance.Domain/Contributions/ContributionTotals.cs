using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Contributions;

/// <summary>Committed, invoiced and paid added up for a group of contributions.</summary>
public sealed record ContributionSum(string Name, decimal Committed, decimal Invoiced, decimal Paid)
{
    public decimal Outstanding => Committed - Paid;
}

/// <summary>Totals of contributions per partner, per category and per year, and their VAT per payer.</summary>
public static class ContributionTotals
{
    public static ContributionSum Sum(string name, IEnumerable<PartnerContribution> contributions)
    {
        decimal committed = 0m, invoiced = 0m, paid = 0m;
        foreach (var c in contributions)
        {
            committed += c.Committed;
            invoiced += c.Invoiced;
            paid += c.Paid;
        }

        return new ContributionSum(name, committed, invoiced, paid);
    }

    public static IReadOnlyList<ContributionSum> ByPartner(IEnumerable<PartnerContribution> contributions, int? year = null) =>
        Group(contributions, year, c => c.Partner);

    public static IReadOnlyList<ContributionSum> ByCategory(IEnumerable<PartnerContribution> contributions, int? year = null) =>
        Group(contributions, year, c => c.Category.ToString());

    /// <summary>What the partners are invoiced in a year, with 21% VAT and what it costs each of them.</summary>
    public static VatSummary Vat(IEnumerable<PartnerContribution> contributions, int year) =>
        Money.Vat.Summarise(contributions
            .Where(c => c.Year == year)
            .Select(c => new VatPayment(c.Partner, c.VatRecoverable, c.Committed)));

    private static IReadOnlyList<ContributionSum> Group(IEnumerable<PartnerContribution> contributions, int? year, Func<PartnerContribution, string> key) =>
        contributions
            .Where(c => year is null || c.Year == year)
            .GroupBy(key)
            .Select(g => Sum(g.Key, g))
            .ToList();
}

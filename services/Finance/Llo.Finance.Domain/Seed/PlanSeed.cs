using System.Text.Json;
using System.Text.Json.Serialization;
using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.RateCards;

namespace Llo.Finance.Domain.Seed;

/// <summary>Everything the plan says about money, as domain objects: the budget, the totals it prints, and the rest.</summary>
public sealed record PlanSeedData(
    BudgetVersion Budget,
    IReadOnlyList<PrintedTotal> PrintedTotals,
    RateCard RateCard,
    IReadOnlyList<FundingApplication> Applications,
    IReadOnlyList<PartnerContribution> Contributions);

/// <summary>
/// Reads the plan's budget 2022–2024 from the data file embedded in this library (<c>Seed/plan-2022.json</c>): the
/// lines exactly as printed, the totals the plan prints (kept to check the lines against, never used as totals), the
/// rate card, the applications and the partners' contributions. What the plan does not say and the file had to assume
/// is listed in the file's "assumptions".
/// </summary>
public static class PlanSeed
{
    private const string ResourceName = "Llo.Finance.Domain.Seed.plan-2022.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static PlanSeedData Load()
    {
        using var stream = typeof(PlanSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Read(stream);
    }

    public static PlanSeedData Read(Stream json)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, Options) ?? throw new InvalidDataException("The seed file is empty.");
        var b = file.Budget;
        var budget = BudgetVersion.Create(
            1,
            b.Label,
            DateOnly.Parse(b.Date, System.Globalization.CultureInfo.InvariantCulture),
            b.FirstYear,
            b.LastYear,
            b.Income.Select(l => new IncomeLine(l.Id, l.Description, l.Source, l.Funder, l.Category, new AmountsPerYear(l.Amounts))),
            b.Expenses.Select(l => new ExpenseLine(
                l.Id,
                l.Description,
                l.Category,
                l.Priority,
                new AmountsPerYear(l.Amounts),
                l.Staffing is { } s ? new StaffingLink(s.Role, s.Years.ToDictionary(y => y.Key, y => PartYear.Of(y.Value))) : null)));

        var applications = file.Applications.Select(a => new FundingApplication(
            a.Id,
            a.Title,
            a.Funders,
            a.LeadApplicant,
            new AmountsPerYear(a.Requested),
            a.Probability,
            a.Status,
            a.Granted is null ? null : new AmountsPerYear(a.Granted),
            a.Deadlines?.Select(d => new Deadline(d.Description, DateOnly.Parse(d.Date, System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            a.Notes,
            a.IncomeLineId,
            a.FundedExpenseLineIds)).ToList();

        var contributions = file.Contributions
            .SelectMany(c => c.Committed.Select(y => new PartnerContribution(
                $"{Slug(c.Partner)}-{y.Key}",
                c.Partner,
                c.Category,
                y.Key,
                y.Value,
                canPayFromExistingBudget: c.CanPayFromExistingBudget,
                vatRecoverable: c.VatRecoverable,
                probability: c.Probability,
                incomeLineId: c.IncomeLineId,
                notes: c.Notes)))
            .ToList();

        return new PlanSeedData(
            budget,
            file.PrintedTotals.Select(t => new PrintedTotal(t.Kind, t.Amount, t.Year, t.LineId)).ToList(),
            new RateCard(file.RateCard.Select(r => new RateCardRole(r.Id, r.Name, r.HourlyRate, r.HoursPerWeek, r.WeeksPerYear))),
            applications,
            contributions);
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');

    private sealed record SeedFile(
        SeedBudget Budget,
        List<SeedPrintedTotal> PrintedTotals,
        List<SeedRole> RateCard,
        List<SeedApplication> Applications,
        List<SeedContribution> Contributions);

    private sealed record SeedBudget(string Label, string Date, int FirstYear, int LastYear, List<SeedIncome> Income, List<SeedExpense> Expenses);

    private sealed record SeedIncome(string Id, string Description, IncomeSource Source, string Funder, string Category, Dictionary<int, decimal> Amounts);

    private sealed record SeedExpense(string Id, string Description, string Category, int Priority, Dictionary<int, decimal> Amounts, SeedStaffing? Staffing);

    private sealed record SeedStaffing(string Role, Dictionary<int, decimal> Years);

    private sealed record SeedPrintedTotal(PrintedTotalKind Kind, decimal Amount, int? Year, string? LineId);

    private sealed record SeedRole(string Id, string Name, decimal HourlyRate, decimal HoursPerWeek, decimal WeeksPerYear);

    private sealed record SeedApplication(
        string Id,
        string Title,
        List<string> Funders,
        string? LeadApplicant,
        FundingApplicationStatus Status,
        decimal Probability,
        string? IncomeLineId,
        List<string>? FundedExpenseLineIds,
        Dictionary<int, decimal> Requested,
        Dictionary<int, decimal>? Granted,
        List<SeedDeadline>? Deadlines,
        string? Notes);

    private sealed record SeedDeadline(string Description, string Date);

    private sealed record SeedContribution(
        string Partner,
        PartnerCategory Category,
        string? IncomeLineId,
        bool? CanPayFromExistingBudget,
        bool VatRecoverable,
        decimal Probability,
        Dictionary<int, decimal> Committed,
        string? Notes);
}

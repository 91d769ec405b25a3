using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;
using Llo.Finance.Domain.Planning;
using Llo.Finance.Domain.RateCards;

namespace Llo.Bench.Finance;

/// <summary>
/// A five-year budget of 500 lines (100 income, 400 expense, a quarter of them staffing lines), 60 applications in
/// every status, 40 partners contributing each year, co-financing rules for five funders, and ten scenarios. Fixed
/// seed, so every run plans the same input.
/// </summary>
internal static class SyntheticBudget
{
    public const int FirstYear = 2025;
    public const int LastYear = 2029;
    private static readonly string[] Funders = ["BZK", "EZK", "IQ", "Rijnmonds LWA", "Gemeenten", "ESF", "Provincie", "UWV"];

    public static (PlanningInput Input, IReadOnlyList<Scenario> Scenarios) Create()
    {
        var random = new Random(20221301);
        var years = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToArray();
        var card = new RateCard([
            new RateCardRole("programmamanager", "Programmamanager", 110m, 20m, 45m),
            new RateCardRole("projectleider", "Projectleider", 90m, 20m, 45m),
            new RateCardRole("adviseur", "Adviseur", 87.35m, 16.5m, 44m),
        ]);

        var income = Enumerable.Range(0, 100).Select(i => new IncomeLine(
            $"in-{i}", $"Inkomsten {i}", (IncomeSource)(1 + i % 3), Funders[i % Funders.Length], $"Categorie {i % 7}",
            Amounts(random, years, 1_000m, 150_000m))).ToList();
        var expenses = Enumerable.Range(0, 400).Select(i => i % 4 == 0
            ? new ExpenseLine($"uit-{i}", $"Inhuur {i}", "Inhuur", 1 + random.Next(3), AmountsPerYear.None,
                new StaffingLink(card.Roles.ElementAt(i % 3).Id, years.ToDictionary(y => y, _ => PartYear.Of(random.Next(1, 5) / 4m))))
            : new ExpenseLine($"uit-{i}", $"Uitgave {i}", $"Categorie {i % 9}", 1 + random.Next(6), Amounts(random, years, 500m, 40_000m))).ToList();
        expenses = card.ApplyTo(expenses).Lines.ToList();
        var budget = BudgetVersion.Create(1, "bench", new DateOnly(FirstYear, 1, 1), FirstYear, LastYear, income, expenses);

        var statuses = Enum.GetValues<FundingApplicationStatus>();
        var applications = Enumerable.Range(0, 60).Select(i =>
        {
            var requested = Amounts(random, years, 10_000m, 120_000m);
            var application = new FundingApplication($"aanvraag-{i}", $"Aanvraag {i}",
                [Funders[i % Funders.Length], Funders[(i + 3) % Funders.Length]], "Riverboard", requested,
                random.Next(1, 10) / 10m, FundingApplicationStatus.Draft,
                fundedExpenseLineIds: i % 2 == 0 ? [$"uit-{i * 4}", $"uit-{i * 4 + 1}", $"uit-{i * 4 + 2}"] : null);
            return statuses[i % statuses.Length] switch
            {
                FundingApplicationStatus.Submitted => application.Submit(),
                FundingApplicationStatus.GrantedInFull => application.Submit().GrantInFull(),
                FundingApplicationStatus.GrantedInPart => application.Submit().GrantInPart(new AmountsPerYear(
                    years.ToDictionary(y => y, y => Math.Round(requested.For(y) * 0.6m, 2)))),
                FundingApplicationStatus.Rejected => application.Submit().Reject(),
                FundingApplicationStatus.Withdrawn => application.Withdraw(),
                _ => application,
            };
        }).ToList();

        var contributions = Enumerable.Range(0, 40).SelectMany(p => years.Select(y =>
        {
            var committed = random.Next(10, 200) * 100m;
            var invoiced = Math.Round(committed * random.Next(0, 11) / 10m, 2);
            var paid = Math.Round(invoiced * random.Next(0, 11) / 10m, 2);
            return new PartnerContribution($"partner-{p}-{y}", $"Partner {p}", (PartnerCategory)(1 + p % 3), y, committed, invoiced, paid,
                p % 5 != 0, p % 3 != 2, random.Next(3, 11) / 10m);
        })).ToList();

        var rules = Funders.Take(5).Select((f, i) => new CoFinancingRule(f, 0.1m + i * 0.1m)).ToList();
        var scenarios = new List<Scenario>
        {
            new("BZK wijst af", [new FunderRejects("BZK")]),
            new("Gemeenten dragen niet bij", [new FunderRejects("Gemeenten")]),
            new("Partner 0 stopt", [new PartnerDoesNotContribute("Partner 0")]),
            new("Vijf partners stoppen", [.. Enumerable.Range(1, 5).Select(p => new PartnerDoesNotContribute($"Partner {p}"))]),
            new("Alles ingediend toegekend", [.. applications.Where(a => a.Status == FundingApplicationStatus.Submitted).Select(a => new ApplicationGranted(a.Id))]),
            new("Helft toegekend", [.. applications.Where(a => a.Status == FundingApplicationStatus.Submitted).Select(a => new ApplicationGranted(a.Id, 0.5m))]),
            new("Tien regels uitgesteld", [.. Enumerable.Range(0, 10).Select(i => new ExpenseLineDropped($"uit-{i * 37}"))]),
            new("ESF en UWV wijzen af", [new FunderRejects("ESF"), new FunderRejects("UWV")]),
            new("Drie aanvragen afgewezen", [new ApplicationRejected("aanvraag-1"), new ApplicationRejected("aanvraag-7"), new ApplicationRejected("aanvraag-13")]),
            new("Niets", [.. Funders.Select(f => new FunderRejects(f)), .. Enumerable.Range(0, 40).Select(p => new PartnerDoesNotContribute($"Partner {p}"))]),
        };
        return (new PlanningInput(budget, applications, contributions, rules), scenarios);
    }

    private static AmountsPerYear Amounts(Random random, int[] years, decimal min, decimal max) =>
        new(years.ToDictionary(y => y, _ => Math.Round(min + (max - min) * (decimal)random.NextDouble(), 2)));
}

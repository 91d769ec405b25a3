using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.RateCards;
using Llo.Finance.Domain.Seed;

namespace Llo.Finance.Domain.Tests.RateCards;

public sealed class RateCardTests
{
    private readonly PlanSeedData _seed = PlanSeed.Load();

    [Fact]
    public void The_plans_rates_give_the_plans_staffing_lines()
    {
        var manager = new RateCardRole("programmamanager", "Programmamanager LLO", 110m, 20m, 45m);
        var leader = new RateCardRole("projectleider", "Projectleider", 90m, 20m, 45m);

        Assert.Equal(99_000m, manager.YearlyCost());
        Assert.Equal(81_000m, leader.YearlyCost());
        Assert.Equal(40_500m, leader.YearlyCost(PartYear.Of(0.5m)));
    }

    [Fact]
    public void The_seeded_rate_card_reproduces_the_budget_so_applying_it_changes_nothing()
    {
        var (lines, changes) = _seed.RateCard.ApplyTo(_seed.Budget.ExpenseLines);

        Assert.Empty(changes);
        Assert.Equal(_seed.Budget.ExpenseLines.Select(l => l.Amounts.Total), lines.Select(l => l.Amounts.Total));
    }

    [Fact]
    public void A_rate_change_flows_into_every_line_linked_to_the_role_and_only_those()
    {
        var card = _seed.RateCard.With(new RateCardRole("projectleider", "Projectleider", 95m, 20m, 45m));

        var (next, changes) = card.ApplyTo(_seed.Budget, "v.01-04-2022", new DateOnly(2022, 4, 1));

        Assert.Equal(2, next.Number);
        Assert.Equal(85_500m, next.ExpenseLine("projectleider-school-naar-werk").Amounts.For(2022));
        Assert.Equal(42_750m, next.ExpenseLine("projectleider-werk-naar-werk").Amounts.For(2024));
        Assert.Equal(99_000m, next.ExpenseLine("programmamanager").Amounts.For(2022));
        Assert.Equal(345_000m + 2 * 4_500m, next.ExpenseTotal(2022));
        Assert.Equal(264_000m + 2 * 2_250m, next.ExpenseTotal(2024));
        Assert.Equal(6, changes.Count);
        Assert.Contains(new StaffingCostChange("projectleider-werk-naar-werk", 2024, 40_500m, 42_750m), changes);
        Assert.Equal(81_000m, _seed.Budget.ExpenseLine("projectleider-school-naar-werk").Amounts.For(2022));
    }

    [Fact]
    public void An_hours_change_flows_into_the_lines_too()
    {
        var card = _seed.RateCard.With(new RateCardRole("programmamanager", "Programmamanager LLO", 110m, 24m, 45m));

        var (lines, changes) = card.ApplyTo(_seed.Budget.ExpenseLines);

        Assert.Equal(118_800m, lines.Single(l => l.Id == "programmamanager").Amounts.For(2023));
        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public void A_part_year_from_dates_counts_calendar_days_and_rounds_the_cost_to_cents()
    {
        var leader = new RateCardRole("projectleider", "Projectleider", 90m, 20m, 45m);

        var firstHalf2024 = PartYear.Between(2024, new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        Assert.Equal(182m / 366m, firstHalf2024.Fraction);
        Assert.Equal(40_278.69m, leader.YearlyCost(firstHalf2024));

        Assert.Equal(1m, PartYear.Between(2023, new DateOnly(2022, 9, 1), new DateOnly(2025, 1, 1)).Fraction);
        Assert.Equal(0m, PartYear.Between(2023, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Fraction);
        Assert.Equal(122m / 365m, PartYear.Between(2022, new DateOnly(2022, 9, 1), new DateOnly(2023, 6, 30)).Fraction);
        Assert.Equal(0m, leader.YearlyCost(PartYear.Of(0m)));
    }

    [Fact]
    public void A_fractional_rate_and_hours_are_rounded_once_at_the_end()
    {
        var role = new RateCardRole("adviseur", "Adviseur", 87.35m, 16.5m, 44m);

        Assert.Equal(63_416.10m, role.YearlyCost());
        Assert.Equal(21_138.70m, role.YearlyCost(PartYear.Of(1m / 3m)));
    }

    [Fact]
    public void Impossible_roles_and_part_years_are_refused_with_the_field()
    {
        var error = Assert.Throws<FinanceRuleViolation>(() => new RateCardRole("x", "X", -1m, 70m, 60m));
        Assert.Equal(["hourlyRate", "hoursPerWeek", "weeksPerYear"], error.Violations.Select(v => v.Field));
        Assert.Throws<FinanceRuleViolation>(() => PartYear.Of(1.5m));
        Assert.Throws<FinanceRuleViolation>(() => PartYear.Between(2022, new DateOnly(2022, 5, 1), new DateOnly(2022, 4, 1)));
        Assert.Throws<FinanceRuleViolation>(() => new RateCard([new RateCardRole("a", "A", 1m, 1m, 1m), new RateCardRole("a", "B", 1m, 1m, 1m)]));
    }

    [Fact]
    public void A_line_linked_to_a_role_that_is_not_on_the_card_is_named()
    {
        var line = new ExpenseLine("coach", "Coach", "Inhuur", 1, AmountsPerYear.None,
            new StaffingLink("coach", new Dictionary<int, PartYear> { [2022] = PartYear.Whole }));

        var error = Assert.Throws<FinanceRuleViolation>(() => _seed.RateCard.ApplyTo([line]));
        Assert.Equal("De rol 'coach' staat niet op de tariefkaart.", error.Message);
    }

    [Fact]
    public void A_link_that_names_one_year_changes_that_years_amount_only_as_a_rate_card_per_year_needs()
    {
        var card = _seed.RateCard.With(new RateCardRole("projectleider", "Projectleider", 95m, 20m, 45m));
        var only2023 = _seed.Budget.ExpenseLines.Select(l => l.Staffing is { } s
            ? l with { Staffing = new StaffingLink(s.RoleId, s.Years.Where(y => y.Key == 2023).ToDictionary()) }
            : l);

        var (lines, changes) = card.ApplyTo(only2023);

        var line = lines.Single(l => l.Id == "projectleider-school-naar-werk");
        Assert.Equal(81_000m, line.Amounts.For(2022));
        Assert.Equal(85_500m, line.Amounts.For(2023));
        Assert.Equal(40_500m, line.Amounts.For(2024));
        Assert.Equal([2023, 2023], changes.Select(c => c.Year));
    }
}

using Llo.Finance.Domain.Applications;
using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Contributions;

namespace Llo.Finance.Domain.Planning;

/// <summary>What the planner reads: the budget's planned expenses, and the income as it stands.</summary>
public sealed record PlanningInput(
    BudgetVersion Budget,
    IReadOnlyList<FundingApplication> Applications,
    IReadOnlyList<PartnerContribution> Contributions,
    IReadOnlyList<CoFinancingRule> CoFinancingRules);

using Llo.Hosting.Access;

namespace Llo.Finance.Api.Access;

/// <summary>The finance service's policy names, declared once in <see cref="FinanceApi"/>. Nothing in finance is anonymous.</summary>
internal static class FinancePolicies
{
    /// <summary>Reading the budget: its years, lines and totals.</summary>
    public const string BudgetRead = "budget.read";

    /// <summary>Reading the funding applications: the same readers as the budget.</summary>
    public const string ApplicationsRead = "applications.read";

    /// <summary>Registering applications and moving them through the workflow: the programme manager keeps them.</summary>
    public const string ApplicationsWrite = "applications.write";

    /// <summary>Publishing a new budget version from a workbook: the programme manager keeps the budget; no partner system.</summary>
    public const string BudgetImport = "budget.import";

    /// <summary>Reading a year's rate card: the same readers as the budget.</summary>
    public const string RateCardRead = "rate-cards.read";

    /// <summary>Changing a role's rate, hours or staffing lines (and so the budget): the programme manager.</summary>
    public const string RateCardWrite = "rate-cards.write";

    /// <summary>Reading contributions: the budget's readers see all, a partner editor only its own organisation's.</summary>
    public const string ContributionsRead = "contributions.read";

    /// <summary>Recording and changing contributions: the programme manager keeps them.</summary>
    public const string ContributionsWrite = "contributions.write";

    /// <summary>Confirming a contribution: a partner editor, for its own organisation only.</summary>
    public const string ContributionsConfirm = "contributions.confirm";

    /// <summary>Reading the funders' co-financing rules: the same readers as the budget.</summary>
    public const string CoFinancingRead = "co-financing.read";

    /// <summary>Keeping the funders' co-financing rules: the programme manager.</summary>
    public const string CoFinancingWrite = "co-financing.write";

    /// <summary>Working out what can be realised: the programme manager and municipality analysts (no partner systems).</summary>
    public const string PlansRealise = "plans.realise";

    /// <summary>The scope a partner system's client-credentials token needs to read the budget.</summary>
    public const string ReadScope = "finance.read";

    /// <summary>The programme manager keeps the budget; a municipality analyst reads it.</summary>
    public static readonly string[] BudgetReaders = [LloRoles.ProgrammeManager, LloRoles.MunicipalityAnalyst];
}

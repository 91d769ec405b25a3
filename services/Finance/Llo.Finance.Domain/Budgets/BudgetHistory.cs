namespace Llo.Finance.Domain.Budgets;

/// <summary>
/// Every published version of the budget, oldest first. Publishing adds a version numbered one higher and leaves the
/// earlier ones as they were, so "what did we agree on 13 January" stays answerable.
/// </summary>
public sealed class BudgetHistory
{
    private readonly List<BudgetVersion> _versions;

    private BudgetHistory(List<BudgetVersion> versions) => _versions = versions;

    public static BudgetHistory Start(BudgetVersion first) =>
        first.Number == 1
            ? new BudgetHistory([first])
            : throw new FinanceRuleViolation("number", "De eerste versie van een begroting heeft nummer 1.");

    public IReadOnlyList<BudgetVersion> Versions => _versions;

    public BudgetVersion Latest => _versions[^1];

    public BudgetVersion Version(int number) =>
        number >= 1 && number <= _versions.Count
            ? _versions[number - 1]
            : throw new FinanceRuleViolation("version", $"Versie {number} van de begroting bestaat niet (er zijn {_versions.Count} versies).");

    /// <summary>A new history with <paramref name="next"/> as its latest version; this one is not changed.</summary>
    public BudgetHistory Publish(BudgetVersion next)
    {
        if (next.Number != Latest.Number + 1)
        {
            throw new FinanceRuleViolation("number", $"De nieuwe versie moet nummer {Latest.Number + 1} hebben, niet {next.Number}.") { IsStateConflict = true };
        }

        return new BudgetHistory([.. _versions, next]);
    }
}

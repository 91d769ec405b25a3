namespace Llo.Finance.Domain;

/// <summary>One refused field with a Dutch reason, e.g. <c>expenseLines[programmamanager].amounts[2025]</c>.</summary>
public sealed record FieldViolation(string Field, string Message);

/// <summary>
/// Input the finance rules refuse, with every refused field named in Dutch. A host answers it as a bad request
/// (InvalidArgument with field violations) or, for a step the state forbids, as a failed precondition.
/// </summary>
public sealed class FinanceRuleViolation : Exception
{
    public FinanceRuleViolation(IReadOnlyList<FieldViolation> violations)
        : base(string.Join(" ", violations.Select(v => v.Message)))
    {
        Violations = violations;
    }

    public FinanceRuleViolation(string field, string message)
        : this([new FieldViolation(field, message)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    /// <summary>True when the input is well-formed but the current state does not allow it (a status step).</summary>
    public bool IsStateConflict { get; init; }

    public static void ThrowIfAny(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new FinanceRuleViolation(violations);
        }
    }
}

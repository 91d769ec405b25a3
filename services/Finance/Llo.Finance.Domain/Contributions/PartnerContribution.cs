using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Contributions;

/// <summary>
/// A partner's contribution for one year: committed, then invoiced, then paid (paid ≤ invoiced ≤ committed). Whether
/// the partner can pay from an existing budget is recorded as the plan does (Vlaardingen and Maassluis re-allocate,
/// Schiedam cannot); null when not known. VAT: the partner is invoiced excluding VAT plus 21%, and whether it can
/// recover that VAT decides what the contribution really costs it. The probability weighs the part not yet paid in
/// a forecast.
/// </summary>
public sealed record PartnerContribution
{
    public PartnerContribution(
        string id,
        string partner,
        PartnerCategory category,
        int year,
        decimal committed,
        decimal invoiced = 0m,
        decimal paid = 0m,
        bool? canPayFromExistingBudget = null,
        bool vatRecoverable = true,
        decimal probability = 1m,
        string? incomeLineId = null,
        string? notes = null)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(id))
        {
            violations.Add(new("id", "De bijdrage heeft geen id."));
        }

        if (string.IsNullOrWhiteSpace(partner))
        {
            violations.Add(new("partner", "Noem de partner van de bijdrage."));
        }

        if (!Enum.IsDefined(category))
        {
            violations.Add(new("category", $"Bijdrage van '{partner}': onbekende categorie."));
        }

        CheckAmount("committed", partner, committed, violations);
        CheckAmount("invoiced", partner, invoiced, violations);
        CheckAmount("paid", partner, paid, violations);
        if (invoiced > committed)
        {
            violations.Add(new("invoiced", $"Bijdrage van '{partner}' ({year}): gefactureerd ({Euros.Format(invoiced)}) is meer dan toegezegd ({Euros.Format(committed)})."));
        }

        if (paid > invoiced)
        {
            violations.Add(new("paid", $"Bijdrage van '{partner}' ({year}): betaald ({Euros.Format(paid)}) is meer dan gefactureerd ({Euros.Format(invoiced)})."));
        }

        if (probability is < 0m or > 1m)
        {
            violations.Add(new("probability", $"Bijdrage van '{partner}': de kans ligt tussen 0 en 1."));
        }

        FinanceRuleViolation.ThrowIfAny(violations);
        Id = id;
        Partner = partner;
        Category = category;
        Year = year;
        Committed = committed;
        Invoiced = invoiced;
        Paid = paid;
        CanPayFromExistingBudget = canPayFromExistingBudget;
        VatRecoverable = vatRecoverable;
        Probability = probability;
        IncomeLineId = incomeLineId;
        Notes = notes;
    }

    public string Id { get; }

    public string Partner { get; }

    public PartnerCategory Category { get; }

    public int Year { get; }

    public decimal Committed { get; }

    public decimal Invoiced { get; }

    public decimal Paid { get; }

    public bool? CanPayFromExistingBudget { get; }

    public bool VatRecoverable { get; }

    public decimal Probability { get; }

    public string? IncomeLineId { get; }

    public string? Notes { get; }

    /// <summary>Committed but not yet paid.</summary>
    public decimal Outstanding => Committed - Paid;

    /// <summary>Invoiced but not yet paid.</summary>
    public decimal Receivable => Invoiced - Paid;

    /// <summary>The unpaid part weighted by the probability, rounded to cents.</summary>
    public decimal WeightedOutstanding => Euros.Round(Outstanding * Probability);

    /// <summary>An invoice for more of the commitment (adds to what was invoiced before).</summary>
    public PartnerContribution Invoice(decimal amount) => With(invoiced: Invoiced + Positive("invoiced", amount));

    /// <summary>A payment received (adds to what was paid before).</summary>
    public PartnerContribution Pay(decimal amount) => With(paid: Paid + Positive("paid", amount));

    /// <summary>The partner withdraws what it has not paid: the commitment shrinks to what was paid.</summary>
    public PartnerContribution WithdrawUnpaid() => With(committed: Paid, invoiced: Paid);

    public PartnerContribution WithProbability(decimal probability) => With(probability: probability);

    private PartnerContribution With(decimal? committed = null, decimal? invoiced = null, decimal? paid = null, decimal? probability = null) =>
        new(Id, Partner, Category, Year, committed ?? Committed, invoiced ?? Invoiced, paid ?? Paid, CanPayFromExistingBudget,
            VatRecoverable, probability ?? Probability, IncomeLineId, Notes);

    private decimal Positive(string field, decimal amount) =>
        amount > 0 && Euros.IsWholeCents(amount)
            ? amount
            : throw new FinanceRuleViolation(field, $"Bijdrage van '{Partner}': het bedrag is meer dan 0, in hele centen.");

    private static void CheckAmount(string field, string partner, decimal amount, List<FieldViolation> violations)
    {
        if (amount < 0 || !Euros.IsWholeCents(amount))
        {
            violations.Add(new(field, $"Bijdrage van '{partner}': het bedrag ({field}) is 0 of meer, in hele centen."));
        }
    }
}

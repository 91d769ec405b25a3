using Llo.Finance.Domain.Budgets;
using Llo.Finance.Domain.Money;

namespace Llo.Finance.Domain.Applications;

/// <summary>
/// A subsidy application ("aanvraag") to one or more funders that decide on it together (the plan asks "Rotterdams
/// LWA en BZK" for the programme manager), with the amount per year, the lead applicant ("penvoerder"), its dates, a
/// status, a probability for forecasts and the budget income line it fills. The expense lines it pays for, when
/// named, are the cost basis of the funders' co-financing rules; otherwise the year's whole budget is.
/// </summary>
public sealed record FundingApplication
{
    public FundingApplication(
        string id,
        string title,
        IReadOnlyList<string> funders,
        string? leadApplicant,
        AmountsPerYear requested,
        decimal probability,
        FundingApplicationStatus status = FundingApplicationStatus.Draft,
        AmountsPerYear? granted = null,
        IReadOnlyList<Deadline>? deadlines = null,
        string? notes = null,
        string? incomeLineId = null,
        IReadOnlyList<string>? fundedExpenseLineIds = null)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(id))
        {
            violations.Add(new("id", "De aanvraag heeft geen id."));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            violations.Add(new("title", "Geef de aanvraag een titel."));
        }

        if (funders.Count == 0 || funders.Any(string.IsNullOrWhiteSpace))
        {
            violations.Add(new("funders", $"Aanvraag '{title}': noem minstens één financier."));
        }

        CheckAmounts("requested", title, requested, violations);
        if (granted is not null)
        {
            CheckAmounts("granted", title, granted, violations);
        }

        if (probability is < 0m or > 1m)
        {
            violations.Add(new("probability", $"Aanvraag '{title}': de kans ligt tussen 0 en 1 (bv. 0,5 voor vijftig procent)."));
        }

        if (ApplicationWorkflow.IsGranted(status) && granted is null)
        {
            violations.Add(new("granted", $"Aanvraag '{title}': bij een toekenning hoort het toegekende bedrag per jaar."));
        }

        FinanceRuleViolation.ThrowIfAny(violations);
        Id = id;
        Title = title;
        Funders = funders;
        LeadApplicant = leadApplicant;
        Requested = requested;
        Probability = probability;
        Status = status;
        Granted = granted;
        Deadlines = deadlines ?? [];
        Notes = notes;
        IncomeLineId = incomeLineId;
        FundedExpenseLineIds = fundedExpenseLineIds ?? [];
    }

    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<string> Funders { get; }

    public string? LeadApplicant { get; }

    public AmountsPerYear Requested { get; }

    /// <summary>The chance (0–1) that it is granted, for the forecast while undecided.</summary>
    public decimal Probability { get; }

    public FundingApplicationStatus Status { get; private init; }

    /// <summary>What the funders granted per year; null until a grant.</summary>
    public AmountsPerYear? Granted { get; private init; }

    public IReadOnlyList<Deadline> Deadlines { get; }

    public string? Notes { get; }

    public string? IncomeLineId { get; }

    public IReadOnlyList<string> FundedExpenseLineIds { get; }

    /// <summary>A new forecast, notes or dates; checked like a new application, status and grant kept.</summary>
    public FundingApplication WithDetails(decimal? probability = null, string? notes = null, IReadOnlyList<Deadline>? deadlines = null) =>
        new(Id, Title, Funders, LeadApplicant, Requested, probability ?? Probability, Status, Granted, deadlines ?? Deadlines,
            notes ?? Notes, IncomeLineId, FundedExpenseLineIds);

    public bool IsFundedBy(string funder) => Funders.Contains(funder, StringComparer.OrdinalIgnoreCase);

    public FundingApplication Submit() => MoveTo(FundingApplicationStatus.Submitted);

    public FundingApplication Withdraw() => MoveTo(FundingApplicationStatus.Withdrawn);

    public FundingApplication Reject() => MoveTo(FundingApplicationStatus.Rejected);

    /// <summary>Granted as requested: the granted amounts are the requested ones.</summary>
    public FundingApplication GrantInFull() => MoveTo(FundingApplicationStatus.GrantedInFull, Requested);

    /// <summary>Granted for less than requested; each year's grant is at most the request and the total is less.</summary>
    public FundingApplication GrantInPart(AmountsPerYear granted)
    {
        var violations = new List<FieldViolation>();
        CheckAmounts("granted", Title, granted, violations);
        foreach (var (year, amount) in granted.Entries)
        {
            if (amount > Requested.For(year))
            {
                violations.Add(new($"granted[{year}]", $"Aanvraag '{Title}': voor {year} is {Euros.Format(amount)} toegekend, meer dan de gevraagde {Euros.Format(Requested.For(year))}."));
            }
        }

        if (violations.Count == 0 && granted.Total >= Requested.Total)
        {
            violations.Add(new("granted", $"Aanvraag '{Title}': het toegekende bedrag is het volledige gevraagde bedrag; kies 'volledig toegekend'."));
        }

        FinanceRuleViolation.ThrowIfAny(violations);
        return MoveTo(FundingApplicationStatus.GrantedInPart, granted);
    }

    /// <summary>Any step by its target status (what a host receives); a grant in part needs the granted amounts.</summary>
    public FundingApplication Move(FundingApplicationStatus to, AmountsPerYear? granted = null) => to switch
    {
        FundingApplicationStatus.GrantedInPart when granted is null =>
            throw new FinanceRuleViolation("granted", $"Aanvraag '{Title}': bij een gedeeltelijke toekenning hoort het toegekende bedrag per jaar."),
        FundingApplicationStatus.GrantedInPart => GrantInPart(granted!),
        FundingApplicationStatus.GrantedInFull => GrantInFull(),
        _ => MoveTo(to),
    };

    /// <summary>The amount that counts for <paramref name="year"/> once decided: the grant, or nothing when rejected or withdrawn.</summary>
    public decimal SecuredIn(int year) => ApplicationWorkflow.IsGranted(Status) ? Granted!.For(year) : 0m;

    /// <summary>The probability-weighted amount while undecided (rounded to cents); nothing once decided.</summary>
    public decimal WeightedIn(int year) =>
        ApplicationWorkflow.IsUndecided(Status) ? Euros.Round(Requested.For(year) * Probability) : 0m;

    /// <summary>What the funders would pay in <paramref name="year"/> if the application stands: the grant or the request.</summary>
    public decimal AmountIn(int year) => Status switch
    {
        _ when ApplicationWorkflow.IsGranted(Status) => Granted!.For(year),
        _ when ApplicationWorkflow.IsUndecided(Status) => Requested.For(year),
        _ => 0m,
    };

    /// <summary>Deadlines that passed while the application was still a draft.</summary>
    public IReadOnlyList<Deadline> MissedDeadlines(DateOnly today) =>
        Status == FundingApplicationStatus.Draft ? Deadlines.Where(d => d.Date < today).ToList() : [];

    private FundingApplication MoveTo(FundingApplicationStatus to, AmountsPerYear? granted = null)
    {
        if (!ApplicationWorkflow.CanMove(Status, to))
        {
            throw new FinanceRuleViolation("status", $"Aanvraag '{Title}': {ApplicationWorkflow.RefusalFor(Status, to)}") { IsStateConflict = true };
        }

        return this with { Status = to, Granted = granted ?? Granted };
    }

    private static void CheckAmounts(string field, string title, AmountsPerYear amounts, List<FieldViolation> violations)
    {
        foreach (var (year, amount) in amounts.Entries)
        {
            if (amount < 0 || !Euros.IsWholeCents(amount))
            {
                violations.Add(new($"{field}[{year}]", $"Aanvraag '{title}': het bedrag voor {year} is 0 of meer, in hele centen."));
            }
        }
    }
}

namespace Llo.Finance.Domain.Budgets;

/// <summary>Where an income line's money comes from.</summary>
public enum IncomeSource
{
    /// <summary>A subsidy application to a funder ("aanvraag").</summary>
    FundingApplication = 1,

    /// <summary>Participation fees from companies, municipalities and education ("deelnemersbijdragen").</summary>
    PartnerContribution = 2,

    /// <summary>A partner does the work within its regular budget (Stroomopwaarts for Huis naar Werk): no cash.</summary>
    InKind = 3,
}

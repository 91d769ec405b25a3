using Llo.Finance.Api.Access;
using Llo.Contracts.Finance.V1;
using Llo.Hosting;
using Llo.Hosting.Access;

namespace Llo.Finance.Api;

/// <summary>
/// The finance API as the kit hosts it. The policies are the only ones the endpoints may name; a partner system (a
/// municipality's financial system) reads the budget with the client-credentials scope finance.read.
/// </summary>
internal static class FinanceApi
{
    public static LloApi Definition => new LloApi("finance", "Llo finance")
        .Require(FundingApplicationFields.Descriptor, "title", "funders", "requested")
        .Require(MoveApplicationRequest.Descriptor, "version", "status")
        .Require(RealisePlanRequest.Descriptor, "year")
        .Require(ContributionFields.Descriptor, "organisation_id", "partner", "category", "year", "committed")
        .Require(CoFinancingRuleFields.Descriptor, "funder", "required_own_share_percent")
        .Policy(FinancePolicies.BudgetRead, roles: FinancePolicies.BudgetReaders, scope: FinancePolicies.ReadScope)
        .Policy(FinancePolicies.ApplicationsRead, roles: FinancePolicies.BudgetReaders, scope: FinancePolicies.ReadScope)
        .Policy(FinancePolicies.ApplicationsWrite, roles: [LloRoles.ProgrammeManager])
        .Policy(FinancePolicies.BudgetImport, roles: [LloRoles.ProgrammeManager])
        .Policy(FinancePolicies.RateCardRead, roles: FinancePolicies.BudgetReaders, scope: FinancePolicies.ReadScope)
        .Policy(FinancePolicies.RateCardWrite, roles: [LloRoles.ProgrammeManager])
        .Policy(FinancePolicies.ContributionsRead, roles: [.. FinancePolicies.BudgetReaders, LloRoles.PartnerEditor], scope: FinancePolicies.ReadScope)
        .Policy(FinancePolicies.ContributionsWrite, roles: [LloRoles.ProgrammeManager])
        .Policy(FinancePolicies.ContributionsConfirm, roles: [LloRoles.PartnerEditor])
        .Policy(FinancePolicies.CoFinancingRead, roles: FinancePolicies.BudgetReaders, scope: FinancePolicies.ReadScope)
        .Policy(FinancePolicies.CoFinancingWrite, roles: [LloRoles.ProgrammeManager])
        .Policy(FinancePolicies.PlansRealise, roles: FinancePolicies.BudgetReaders);
}

using Llo.Finance.Api.Access;
using Llo.Hosting.Access;

namespace Llo.Finance.Api.PartnerAccess;

/// <summary>
/// Which partners' contributions a caller sees. The programme manager keeps them all and a municipality analyst reads
/// them all; so does a partner system with finance.read (a municipality's financial system reads what the budget's
/// partner lines are made of). A partner editor sees only its own organisation's.
/// </summary>
public static class ContributionVisibility
{
    /// <summary>Null when the caller sees every partner; otherwise the one organisation it sees.</summary>
    public static Guid? OnlyOrganisation(Caller caller) =>
        SeesAll(caller) ? null : caller.RequireOrganisation();

    public static bool SeesAll(Caller caller) =>
        caller.IsClient ? caller.HasScope(FinancePolicies.ReadScope) : caller.HasAnyRole(FinancePolicies.BudgetReaders);

    /// <summary>PermissionDenied unless the caller sees every partner or acts for <paramref name="organisation"/>.</summary>
    public static void RequireVisible(Caller caller, Guid organisation)
    {
        if (!SeesAll(caller))
        {
            caller.RequireActsFor(organisation, "deze bijdrage");
        }
    }
}

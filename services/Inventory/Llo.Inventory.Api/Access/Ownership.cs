using Llo.Hosting.Access;

namespace Llo.Inventory.Api.Access;

/// <summary>
/// The inventory's object-level rules. A project or agenda item belongs to the organisation that registered it and is
/// changed only by callers acting for that organisation; a programme-owned one (no owner) only by programme staff.
/// Contact persons are shown to programme staff and to the owning organisation, never to anonymous callers.
/// </summary>
internal static class Ownership
{
    public static bool IsProgrammeStaff(this Caller caller) => caller.HasAnyRole(InventoryPolicies.ProgrammeStaff);

    /// <summary>Throws PermissionDenied unless <paramref name="caller"/> may change an object owned by <paramref name="owner"/>.</summary>
    public static void RequireMayChange(this Caller caller, Guid? owner, string what)
    {
        if (owner is null)
        {
            if (!caller.IsProgrammeStaff())
            {
                throw Caller.Denied($"{char.ToUpperInvariant(what[0])}{what[1..]} is van het programma: alleen de programmamanager en de projectleiders wijzigen het.");
            }

            return;
        }

        caller.RequireActsFor(owner, what);
    }

    /// <summary>The organisation a new object will belong to: the caller's own (PermissionDenied if the token names none).</summary>
    public static Guid OwnOrganisation(this Caller caller) =>
        caller.Organisation ?? throw Caller.Denied("Uw toegangstoken noemt geen organisatie (org); daarvoor kunt u niets vastleggen.");

    public static bool MaySeeContact(this Caller caller, Guid? owner) => caller.IsProgrammeStaff() || caller.ActsFor(owner);
}

using Llo.Hosting.Access;

namespace Llo.Matching.Api.Access;

/// <summary>
/// The object-level rules of the twins. A worker's twin is seen by its assigned coach, by the worker whose account it
/// is linked to, and by the programme manager; it is changed by the coach and the programme manager. An employer, its
/// jobs and a training offer are changed only for the organisation that owns them; one without owner only by the
/// programme manager.
/// </summary>
internal static class TwinAccess
{
    public static bool IsProgrammeManager(this Caller caller) => caller.HasRole(LloRoles.ProgrammeManager);

    public static bool IsCoachOf(this Caller caller, Guid? coachUserId) =>
        caller.HasRole(LloRoles.Coach) && coachUserId is { } coach && caller.UserId == coach;

    public static bool IsWorker(this Caller caller, Guid? workerUserId) =>
        caller.HasRole(LloRoles.Worker) && workerUserId is { } user && caller.UserId == user;

    public static bool MayRead(this Caller caller, Guid? coachUserId, Guid? workerUserId) =>
        caller.IsProgrammeManager() || caller.IsCoachOf(coachUserId) || caller.IsWorker(workerUserId);

    public static void RequireMayRead(this Caller caller, Guid id, Guid? coachUserId, Guid? workerUserId)
    {
        if (!caller.MayRead(coachUserId, workerUserId))
        {
            throw Caller.Denied($"U bent niet de coach van werkende {id} en het is niet uw eigen profiel.");
        }
    }

    public static void RequireMayChange(this Caller caller, Guid id, Guid? coachUserId)
    {
        if (!caller.IsProgrammeManager() && !caller.IsCoachOf(coachUserId))
        {
            throw Caller.Denied($"Alleen de coach van werkende {id} en de programmamanager wijzigen dit profiel.");
        }
    }

    /// <summary>Throws PermissionDenied unless the caller may change an object of <paramref name="owner"/> (programme-owned: the programme manager).</summary>
    public static void RequireMayChangeOwned(this Caller caller, Guid? owner, string what)
    {
        if (caller.IsProgrammeManager())
        {
            return;
        }

        if (owner is null)
        {
            throw Caller.Denied($"{char.ToUpperInvariant(what[0])}{what[1..]} is van het programma: alleen de programmamanager wijzigt het.");
        }

        caller.RequireActsFor(owner, what);
    }

    /// <summary>The role a change was made in, for the twin's history (never who: that is the audit log's).</summary>
    public static string ActingRole(this Caller caller) =>
        caller.IsClient ? "partner-system"
        : caller.IsProgrammeManager() ? LloRoles.ProgrammeManager
        : caller.Roles.FirstOrDefault(r => r is LloRoles.Coach or LloRoles.HrManager or LloRoles.PartnerEditor) ?? caller.Roles.FirstOrDefault() ?? "onbekend";
}

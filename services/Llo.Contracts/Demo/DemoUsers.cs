namespace Llo.Contracts.Demo;

/// <summary>
/// Fixed user ids of demo accounts that other services' demo data refers to: identity's demo seed gives these users
/// these ids, matching's demo seed assigns its demo workers to the demo coaches (and links one twin to the demo
/// worker), so a demo coach who logs in sees their own workers. Synthetic ids, recognisable by their "de30" start.
/// </summary>
public static class DemoUsers
{
    public const string CoachRole = "coach";
    public const string WorkerRole = "worker";

    /// <summary>The coach of demo organisation 1 or 2.</summary>
    public static Guid Coach(int organisation) => Of(organisation, 0xC0AC);

    /// <summary>The worker account of demo organisation 1 or 2.</summary>
    public static Guid Worker(int organisation) => Of(organisation, 0x3012);

    /// <summary>The fixed id of the demo user with <paramref name="role"/> in demo organisation <paramref name="organisation"/>, or null (any id will do).</summary>
    public static Guid? IdOf(string role, int organisation) => role switch
    {
        CoachRole => Coach(organisation),
        WorkerRole => Worker(organisation),
        _ => null,
    };

    private static Guid Of(int organisation, int role) =>
        organisation is 1 or 2 ? Guid.Parse($"de300000-0000-4000-8000-{organisation:x4}{role:x8}") : throw new ArgumentOutOfRangeException(nameof(organisation));
}

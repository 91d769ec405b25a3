using Llo.Hosting.Access;

namespace Llo.Matching.Api.Access;

/// <summary>The matching service's policy names, declared once in <see cref="MatchingApi"/> and named by each endpoint.</summary>
internal static class MatchingPolicies
{
    /// <summary>Reading skills from a text: any logged-in user, whatever their role.</summary>
    public const string SkillsExtract = "skills.extract";

    public const string ReadScope = "matching.read";

    /// <summary>Every role of the identity contract: extraction only proposes, it reads nobody's data.</summary>
    public static readonly string[] AnyUser =
    [
        LloRoles.ProgrammeManager, LloRoles.ProjectLeader, LloRoles.PartnerEditor, LloRoles.HrManager, LloRoles.Coach,
        LloRoles.Counsellor, LloRoles.Worker, LloRoles.Parent, LloRoles.MunicipalityAnalyst, LloRoles.PrivacyOfficer,
        LloRoles.Operator,
    ];
}

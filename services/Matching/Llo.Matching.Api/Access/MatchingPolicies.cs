using Llo.Hosting.Access;

namespace Llo.Matching.Api.Access;

/// <summary>The matching service's policy names, declared once in <see cref="MatchingApi"/> and named by each endpoint.</summary>
internal static class MatchingPolicies
{
    /// <summary>Reading skills from a text: any logged-in user, whatever their role.</summary>
    public const string SkillsExtract = "skills.extract";

    /// <summary>A worker's twin and everything matched for it: the assigned coach, the worker themself, the programme manager (object check in <see cref="TwinAccess"/>).</summary>
    public const string WorkersRead = "workers.read";

    /// <summary>Registering and changing twins: the assigned coach and the programme manager.</summary>
    public const string WorkersWrite = "workers.write";

    /// <summary>Employers and their jobs: any logged-in user, and partner systems with matching.read.</summary>
    public const string EmployersRead = "employers.read";

    /// <summary>Changing an employer and its jobs: its own organisation's HR manager, or the programme manager.</summary>
    public const string EmployersWrite = "employers.write";

    /// <summary>
    /// The people who fit a job: coaches (their own workers), the programme manager, and the job's HR manager (without
    /// names, only those who consented to be shown to employers: <see cref="Matches.CandidateConsent"/>).
    /// </summary>
    public const string CandidatesRead = "candidates.read";

    /// <summary>The training catalogue: any logged-in user, and partner systems with matching.read.</summary>
    public const string TrainingsRead = "trainings.read";

    /// <summary>Publishing training offers: education partners (partner editors) for their own organisation, and the programme manager.</summary>
    public const string TrainingsWrite = "trainings.write";

    /// <summary>The coach's decision on a match: the assigned coach and the programme manager.</summary>
    public const string MatchesDecide = "matches.decide";

    public const string ReadScope = "matching.read";

    public const string WriteScope = "matching.write";

    /// <summary>Every role of the identity contract: extraction only proposes, it reads nobody's data.</summary>
    public static readonly string[] AnyUser =
    [
        LloRoles.ProgrammeManager, LloRoles.ProjectLeader, LloRoles.PartnerEditor, LloRoles.HrManager, LloRoles.Coach,
        LloRoles.Counsellor, LloRoles.Worker, LloRoles.Parent, LloRoles.MunicipalityAnalyst, LloRoles.PrivacyOfficer,
        LloRoles.Operator,
    ];

    public static readonly string[] TwinReaders = [LloRoles.Coach, LloRoles.Worker, LloRoles.ProgrammeManager];

    public static readonly string[] TwinWriters = [LloRoles.Coach, LloRoles.ProgrammeManager];

    public static readonly string[] EmployerWriters = [LloRoles.HrManager, LloRoles.ProgrammeManager];

    public static readonly string[] CandidateReaders = [LloRoles.Coach, LloRoles.HrManager, LloRoles.ProgrammeManager];

    public static readonly string[] TrainingWriters = [LloRoles.PartnerEditor, LloRoles.ProgrammeManager];
}

namespace Llo.Hosting.Access;

/// <summary>The role names of the identity contract, exactly as the <c>role</c> claims of a user's token carry them.</summary>
public static class LloRoles
{
    public const string ProgrammeManager = "programme-manager";
    public const string ProjectLeader = "project-leader";
    public const string PartnerEditor = "partner-editor";
    public const string HrManager = "hr-manager";
    public const string Coach = "coach";
    public const string Counsellor = "counsellor";
    public const string Worker = "worker";
    public const string Parent = "parent";
    public const string MunicipalityAnalyst = "municipality-analyst";
    public const string PrivacyOfficer = "privacy-officer";
    public const string Operator = "operator";
}

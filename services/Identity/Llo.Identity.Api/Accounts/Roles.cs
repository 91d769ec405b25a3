namespace Llo.Identity.Api.Accounts;

/// <summary>The platform's roles: the exact names in tokens (claim <c>role</c>) and their Dutch labels.</summary>
public static class Roles
{
    public const string ProgrammeManager = "programme-manager";
    public const string Operator = "operator";

    public static readonly IReadOnlyDictionary<string, string> DutchLabels = new Dictionary<string, string>
    {
        [ProgrammeManager] = "Programmamanager",
        ["project-leader"] = "Projectleider",
        ["partner-editor"] = "Redacteur partnerorganisatie",
        ["hr-manager"] = "HR-manager",
        ["coach"] = "Coach",
        ["counsellor"] = "Loopbaanbegeleider",
        ["worker"] = "Werkende",
        ["parent"] = "Ouder",
        ["municipality-analyst"] = "Analist gemeente",
        ["privacy-officer"] = "Privacyfunctionaris",
        [Operator] = "Beheerder",
    };

    public static IReadOnlyCollection<string> All => (IReadOnlyCollection<string>)DutchLabels.Keys;

    public static bool Exists(string role) => DutchLabels.ContainsKey(role);

    /// <summary>Roles that administer their own organisation: invite users, assign roles, register clients.</summary>
    public static readonly IReadOnlySet<string> Administrators = new HashSet<string> { ProgrammeManager, Operator };
}

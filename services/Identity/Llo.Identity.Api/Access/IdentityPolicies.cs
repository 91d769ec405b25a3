using Llo.Hosting;
using Llo.Hosting.Access;
using Llo.Identity.Api.Accounts;

namespace Llo.Identity.Api.Access;

/// <summary>
/// The identity API's policies, declared on the kit's <see cref="LloApi"/> like every service's. A token reaches them
/// only with the audience <c>llo-identity</c>, i.e. with <c>identity.read</c> or <c>identity.write</c>.
/// </summary>
public static class IdentityPolicies
{
    public const string ReadScope = "identity.read";
    public const string WriteScope = "identity.write";

    /// <summary>Any user, or a partner system with <c>identity.read</c>.</summary>
    public const string Reader = "identity.reader";

    /// <summary>A programme manager or operator with <c>identity.write</c>: administers their own organisation.</summary>
    public const string Administrator = "identity.administrator";

    /// <summary>An operator with <c>identity.write</c>: registers organisations.</summary>
    public const string Operator = "identity.operator";

    /// <summary>A person (a user's token, any role): reads their own privacy requests and consents.</summary>
    public const string PersonRead = "identity.person-read";

    /// <summary>A person (a user's token, any role) with <c>identity.write</c>: asks for an export or erasure, gives or withdraws consent.</summary>
    public const string PersonWrite = "identity.person-write";

    /// <summary>An administrator or privacy officer with <c>identity.write</c>: links parents to children of their organisation.</summary>
    public const string GuardianshipWrite = "identity.guardianship-write";

    /// <summary>A privacy officer (a person, never a partner system): reads and verifies the audit log.</summary>
    public const string AuditRead = "identity.audit";

    /// <summary>The roles that keep their organisation's guardianships (<see cref="GuardianshipWrite"/>).</summary>
    public static readonly string[] GuardianshipKeepers = [.. Roles.Administrators, LloRoles.PrivacyOfficer];

    public static LloApi DeclareOn(LloApi api) => api
        .Policy(Reader, roles: Roles.All, scope: ReadScope)
        .Policy(Administrator, roles: [.. Roles.Administrators], userScope: WriteScope)
        .Policy(Operator, roles: [Roles.Operator], userScope: WriteScope)
        .Policy(PersonRead, roles: Roles.All)
        .Policy(PersonWrite, roles: Roles.All, userScope: WriteScope)
        .Policy(GuardianshipWrite, roles: GuardianshipKeepers, userScope: WriteScope)
        .Policy(AuditRead, roles: [LloRoles.PrivacyOfficer]);
}

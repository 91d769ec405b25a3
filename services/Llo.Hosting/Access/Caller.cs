using System.Security.Claims;
using Grpc.Core;

namespace Llo.Hosting.Access;

/// <summary>
/// Who sends the request, as the validated access token says: a user (with roles) or a partner system (a client,
/// with scopes), acting for one organisation; or nobody (anonymous). Object-level checks ask it
/// <see cref="ActsFor"/> / <see cref="RequireActsFor"/>. Never log it: the subject identifies a person.
/// </summary>
public sealed class Caller
{
    public static readonly Caller Anonymous = new(null, false, null, new HashSet<string>(), new HashSet<string>());

    /// <summary>The prefix of a <see cref="System"/> caller's subject.</summary>
    public const string SystemPrefix = "system:";

    /// <summary>
    /// The service itself, where no user or client asked (a consumer answering an event, a login before anyone is
    /// known): its subject is <c>system:&lt;service&gt;</c>, so an audit entry names who acted. It has no roles, no
    /// scopes and no organisation, so no access check ever lets it in.
    /// </summary>
    public static Caller System(string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return new Caller(SystemPrefix + service, false, null, new HashSet<string>(), new HashSet<string>()) { IsSystem = true };
    }

    /// <summary>A user of the identity service, known by id and organisation, where no token carries them (a login).</summary>
    public static Caller ForUser(Guid userId, Guid organisation, IEnumerable<string> roles) =>
        new(userId.ToString("D"), false, organisation, roles.ToHashSet(StringComparer.Ordinal), new HashSet<string>());

    private Caller(string? subject, bool isClient, Guid? organisation, IReadOnlySet<string> roles, IReadOnlySet<string> scopes)
    {
        Subject = subject;
        IsClient = isClient;
        Organisation = organisation;
        Roles = roles;
        Scopes = scopes;
    }

    /// <summary>The user's id or the client's id; null when anonymous.</summary>
    public string? Subject { get; }

    public bool IsAuthenticated => Subject is not null;

    /// <summary>The service itself (<see cref="System"/>), not a person or a partner system.</summary>
    public bool IsSystem { get; private init; }

    /// <summary>A partner system with a client-credentials token: it has scopes, no roles.</summary>
    public bool IsClient { get; }

    public Guid? UserId => !IsClient && Guid.TryParse(Subject, out var id) ? id : null;

    public string? ClientId => IsClient ? Subject : null;

    /// <summary>The organisation the caller acts for (the token's <c>org</c>); null when anonymous or absent.</summary>
    public Guid? Organisation { get; }

    public IReadOnlySet<string> Roles { get; }

    public IReadOnlySet<string> Scopes { get; }

    public bool HasRole(string role) => !IsClient && Roles.Contains(role);

    public bool HasAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (HasRole(role)) return true;
        }

        return false;
    }

    public bool HasScope(string scope) => Scopes.Contains(scope);

    /// <summary>True when the caller acts for <paramref name="organisationId"/>; never for a null organisation.</summary>
    public bool ActsFor(Guid? organisationId) => organisationId is { } id && Organisation == id;

    /// <summary>Throws PermissionDenied (HTTP 403) unless the caller acts for <paramref name="organisationId"/>.</summary>
    public void RequireActsFor(Guid? organisationId, string what = "dit object")
    {
        if (!ActsFor(organisationId))
        {
            throw Denied($"U handelt niet namens de organisatie van {what}.");
        }
    }

    /// <summary>The organisation the caller acts for; PermissionDenied when the token names none.</summary>
    public Guid RequireOrganisation() => Organisation ?? throw Denied("Uw token noemt geen organisatie.");

    /// <summary>PermissionDenied with a Dutch reason, in the one error shape (transcoding answers HTTP 403).</summary>
    public static RpcException Denied(string message = "Hiervoor heeft u geen toestemming.") =>
        new(new Status(StatusCode.PermissionDenied, message));

    /// <summary>The caller of a validated principal (or <see cref="Anonymous"/> when it holds no authenticated identity).</summary>
    public static Caller From(ClaimsPrincipal? principal)
    {
        var subject = principal?.Identity?.IsAuthenticated == true ? principal.FindFirst(LloClaims.Subject)?.Value : null;
        if (subject is null)
        {
            return Anonymous;
        }

        var clientId = principal!.FindFirst(LloClaims.ClientId)?.Value;
        // The contract: a user's sub is their uuid; a client-credentials token's sub is the client id.
        var isClient = subject == clientId || !Guid.TryParse(subject, out _);
        var organisation = Guid.TryParse(principal.FindFirst(LloClaims.Organisation)?.Value, out var org) ? org : (Guid?)null;
        var roles = principal.FindAll(LloClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scopes = principal.FindAll(LloClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new Caller(subject, isClient, organisation, roles, scopes);
    }
}

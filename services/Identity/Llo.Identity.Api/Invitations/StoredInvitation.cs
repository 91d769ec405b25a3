namespace Llo.Identity.Api.Invitations;

/// <summary>An invitation row (without its token hash, which is only looked up, never read back).</summary>
public sealed record StoredInvitation
{
    public Guid InvitationId { get; init; }
    public Guid OrganisationId { get; init; }
    public string Email { get; init; } = "";
    public string[] Roles { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
}

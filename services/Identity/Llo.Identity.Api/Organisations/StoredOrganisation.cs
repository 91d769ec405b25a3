namespace Llo.Identity.Api.Organisations;

/// <summary>An organisation row: a municipality, employer, school or other partner whose people and systems act for it.</summary>
public sealed record StoredOrganisation(Guid OrganisationId, string Name, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

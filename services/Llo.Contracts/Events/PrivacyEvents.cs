namespace Llo.Contracts.Events;

// People's rights (export and erasure) travel as events, so identity need not know which services exist and no
// service needs to know the others. Identity asks; every service that holds personal data answers once per request.
// The answers' types start with "privacy." rather than a service name: every service publishes them, and identity
// takes them all from one queue per type.

/// <summary>
/// A person as every service can find them: their identity user id (the token's <c>sub</c>) when they have an account,
/// and their e-mail addresses (lower-cased), by which a service finds what it holds about someone without an account.
/// </summary>
public sealed record PersonRef(Guid? UserId, IReadOnlyList<string> EmailAddresses);

/// <summary>Identity asks every service for what it holds about <paramref name="Person"/>.</summary>
[IntegrationEvent("identity.personal-data-export-requested")]
public sealed record PersonalDataExportRequested(Guid RequestId, PersonRef Person) : IntegrationEvent;

/// <summary>
/// One service's part of an export: <paramref name="Json"/> is a JSON object (the service's own data about the
/// person), published in the transaction that read it.
/// </summary>
[IntegrationEvent("privacy.personal-data-exported")]
public sealed record PersonalDataExported(Guid RequestId, string Service, string Json) : IntegrationEvent;

/// <summary>Identity asks every service to erase what it holds about <paramref name="Person"/>.</summary>
[IntegrationEvent("identity.erasure-requested")]
public sealed record ErasureRequested(Guid RequestId, PersonRef Person) : IntegrationEvent;

/// <summary>A service erased <paramref name="Count"/> records about the person, in the transaction that publishes this.</summary>
[IntegrationEvent("privacy.erasure-confirmed")]
public sealed record ErasureConfirmed(Guid RequestId, string Service, int Count) : IntegrationEvent;

// Consents: ids and the purpose code only. Services that cache a consent drop it on ConsentWithdrawn.

[IntegrationEvent("identity.consent-given")]
public sealed record ConsentGiven(Guid ConsentId, Guid PersonId, string Purpose, int PurposeVersion) : IntegrationEvent;

[IntegrationEvent("identity.consent-withdrawn")]
public sealed record ConsentWithdrawn(Guid ConsentId, Guid PersonId, string Purpose) : IntegrationEvent;

// Guardianships: ids only. A service that lets a parent act for a child follows these.

[IntegrationEvent("identity.guardianship-created")]
public sealed record GuardianshipCreated(Guid GuardianshipId, Guid ParentId, Guid ChildId, Guid OrganisationId) : IntegrationEvent;

[IntegrationEvent("identity.guardianship-removed")]
public sealed record GuardianshipRemoved(Guid GuardianshipId, Guid ParentId, Guid ChildId) : IntegrationEvent;

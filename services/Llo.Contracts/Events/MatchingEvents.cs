namespace Llo.Contracts.Events;

// Matching events carry ids, versions, ESCO URIs and codes only: never a worker's name, talents or other words a
// person typed. Readers fetch what they may see.

[IntegrationEvent("matching.worker-registered")]
public sealed record WorkerRegistered(Guid WorkerId, string Phase) : IntegrationEvent;

[IntegrationEvent("matching.worker-changed")]
public sealed record WorkerChanged(Guid WorkerId, long Version, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

[IntegrationEvent("matching.employer-registered")]
public sealed record EmployerRegistered(Guid EmployerId, string Sector, IReadOnlyList<string> Locations) : IntegrationEvent;

[IntegrationEvent("matching.employer-changed")]
public sealed record EmployerChanged(Guid EmployerId, long Version, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

[IntegrationEvent("matching.job-registered")]
public sealed record JobRegistered(Guid JobId, Guid EmployerId, string OccupationUri, string Municipality, bool Open) : IntegrationEvent;

[IntegrationEvent("matching.job-changed")]
public sealed record JobChanged(Guid JobId, Guid EmployerId, long Version, bool Open, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

/// <summary>A training offer entered the catalogue: the ESCO skills it teaches, so others can point people to it.</summary>
[IntegrationEvent("matching.training-offer-published")]
public sealed record TrainingOfferPublished(Guid TrainingId, IReadOnlyList<string> SkillUris) : IntegrationEvent;

[IntegrationEvent("matching.training-offer-changed")]
public sealed record TrainingOfferChanged(Guid TrainingId, long Version, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

/// <summary>A coach proposed a match to the person: the match, the worker and job ids, the score and its scoring version.</summary>
[IntegrationEvent("matching.match-proposed")]
public sealed record MatchProposed(Guid MatchId, Guid WorkerId, Guid JobId, double Score, string ScoringVersion) : IntegrationEvent;

/// <summary>A coach recorded that a match was accepted or rejected (Decision: "Accepted" or "Rejected"); no reason text.</summary>
[IntegrationEvent("matching.match-decided")]
public sealed record MatchDecided(Guid MatchId, Guid WorkerId, Guid JobId, string Decision) : IntegrationEvent;

/// <summary>
/// A vacancy published by the HR network (later): the contract is here now so matching can consume it. Occupation and
/// skills by ESCO URI, hours a week, municipality and sector code of the plan's sectors.
/// </summary>
[IntegrationEvent("hr-network.vacancy-published")]
public sealed record VacancyPublished(
    Guid VacancyId,
    Guid EmployerOrganisation,
    string OccupationUri,
    IReadOnlyList<string> EssentialSkillUris,
    IReadOnlyList<string> OptionalSkillUris,
    int HoursPerWeek,
    string Municipality,
    string Sector) : IntegrationEvent;

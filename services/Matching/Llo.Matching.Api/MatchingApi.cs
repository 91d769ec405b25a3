using Llo.Contracts.Matching.V1;
using Llo.Hosting;
using Llo.Matching.Api.Access;

namespace Llo.Matching.Api;

/// <summary>
/// The matching service's API as the kit hosts it. The taxonomy search is public; extraction is for any logged-in
/// user, and for partner systems with the scope matching.read. The twins hold personal data: no partner system reads
/// a worker; employers, jobs and trainings are read with matching.read and written with matching.write.
/// </summary>
internal static class MatchingApi
{
    public static LloApi Definition => new LloApi("matching", "Llo matching")
        .Require(SearchSkillsRequest.Descriptor, "q")
        .Require(SearchOccupationsRequest.Descriptor, "q")
        .Require(ExtractSkillsRequest.Descriptor, "text")
        .Require(WorkerFields.Descriptor, "phase", "skills", "capacity")
        .Require(WorkCapacity.Descriptor, "hours_per_week")
        .Require(WorkerSkill.Descriptor, "uri")
        .Require(EmployerFields.Descriptor, "name", "sector", "locations")
        .Require(JobFields.Descriptor, "title", "occupation_uri", "hours_per_week", "municipality")
        .Require(JobTask.Descriptor, "title", "skill_uris", "hours_per_week")
        .Require(TrainingFields.Descriptor, "provider", "title", "skill_uris")
        .Require(DecideMatchRequest.Descriptor, "decision")
        .Policy(MatchingPolicies.SkillsExtract, roles: MatchingPolicies.AnyUser, scope: MatchingPolicies.ReadScope)
        .Policy(MatchingPolicies.WorkersRead, roles: MatchingPolicies.TwinReaders)
        .Policy(MatchingPolicies.WorkersWrite, roles: MatchingPolicies.TwinWriters)
        .Policy(MatchingPolicies.EmployersRead, roles: MatchingPolicies.AnyUser, scope: MatchingPolicies.ReadScope)
        .Policy(MatchingPolicies.EmployersWrite, roles: MatchingPolicies.EmployerWriters, scope: MatchingPolicies.WriteScope)
        .Policy(MatchingPolicies.CandidatesRead, roles: MatchingPolicies.CandidateReaders)
        .Policy(MatchingPolicies.TrainingsRead, roles: MatchingPolicies.AnyUser, scope: MatchingPolicies.ReadScope)
        .Policy(MatchingPolicies.TrainingsWrite, roles: MatchingPolicies.TrainingWriters, scope: MatchingPolicies.WriteScope)
        .Policy(MatchingPolicies.MatchesDecide, roles: MatchingPolicies.TwinWriters);
}

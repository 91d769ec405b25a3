using Llo.Contracts.Matching.V1;
using Llo.Hosting;
using Llo.Matching.Api.Access;

namespace Llo.Matching.Api;

/// <summary>
/// The matching service's API as the kit hosts it. The taxonomy search is public; extraction is for any logged-in
/// user, and for partner systems with the scope matching.read.
/// </summary>
internal static class MatchingApi
{
    public static LloApi Definition => new LloApi("matching", "Llo matching")
        .Require(SearchSkillsRequest.Descriptor, "q")
        .Require(SearchOccupationsRequest.Descriptor, "q")
        .Require(ExtractSkillsRequest.Descriptor, "text")
        .Policy(MatchingPolicies.SkillsExtract, roles: MatchingPolicies.AnyUser, scope: MatchingPolicies.ReadScope);
}

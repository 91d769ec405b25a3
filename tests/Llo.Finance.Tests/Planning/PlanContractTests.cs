using Llo.Contracts.Finance.V1;
using Llo.Finance.Api.Contributions;
using Llo.Finance.Api.Planning;
using Llo.Finance.Api.RateCards;
using Llo.Validation;

namespace Llo.Finance.Tests.Planning;

/// <summary>Every list and enum of the planner, rate card and contribution requests can carry has a declared upper bound.</summary>
public sealed class PlanContractTests
{
    [Fact]
    public void No_request_of_the_planner_rate_card_or_contributions_carries_an_unbounded_list()
    {
        var requests = new[]
        {
            RealisePlanRequest.Descriptor, UpdateRateCardRoleRequest.Descriptor, CreateContributionRequest.Descriptor, UpdateContributionRequest.Descriptor,
        };

        Assert.Empty(ListBound.Unbounded(requests, [.. PlanLists.All, RateCardRoleValidator.Assignments]));
    }

    [Fact]
    public void Every_contract_enum_of_the_service_maps_both_ways_to_its_domain_enum()
    {
        var maps = EnumMap.DeclaredIn(typeof(ContributionContract).Assembly);

        Assert.Contains(maps, m => m.Map == ContributionContract.Categories);
        Assert.Contains(maps, m => m.Map == PlanContract.Coverages);
        Assert.All(maps, m => Assert.Empty(m.Map.Gaps()));
    }
}

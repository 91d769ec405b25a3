using Llo.Inventory.Domain.Projects;
using Llo.Inventory.Domain.Scaling;

namespace Llo.Inventory.Tests.Scaling;

public sealed class ScalingRulesTests
{
    [Theory]
    [InlineData(ProjectStatus.Idea)]
    [InlineData(ProjectStatus.Running)]
    [InlineData(ProjectStatus.Scaled)]
    [InlineData(ProjectStatus.Finished)]
    [InlineData(ProjectStatus.Stopped)]
    public void Only_a_pilot_that_is_not_archived_can_be_proposed(ProjectStatus other)
    {
        Assert.True(ScalingRules.CanBeProposed(ProjectStatus.Pilot, archived: false));
        Assert.False(ScalingRules.CanBeProposed(ProjectStatus.Pilot, archived: true));
        Assert.False(ScalingRules.CanBeProposed(other, archived: false));
    }

    [Fact]
    public void Declining_and_deferring_need_a_reason_and_only_approval_changes_the_status()
    {
        Assert.False(ScalingRules.RequiresReason(ScalingDecision.Approved));
        Assert.True(ScalingRules.RequiresReason(ScalingDecision.Declined));
        Assert.True(ScalingRules.RequiresReason(ScalingDecision.Deferred));
        Assert.Equal(ProjectStatus.Scaled, ScalingRules.StatusAfter(ScalingDecision.Approved));
        Assert.Null(ScalingRules.StatusAfter(ScalingDecision.Declined));
        Assert.Null(ScalingRules.StatusAfter(ScalingDecision.Deferred));
    }
}

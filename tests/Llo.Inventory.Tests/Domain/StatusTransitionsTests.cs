using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Tests.Domain;

public sealed class StatusTransitionsTests
{
    [Theory]
    [InlineData(ProjectStatus.Idea, ProjectStatus.Pilot)]
    [InlineData(ProjectStatus.Pilot, ProjectStatus.Running)]
    [InlineData(ProjectStatus.Pilot, ProjectStatus.Scaled)]
    [InlineData(ProjectStatus.Running, ProjectStatus.Finished)]
    [InlineData(ProjectStatus.Running, ProjectStatus.Stopped)]
    [InlineData(ProjectStatus.Stopped, ProjectStatus.Idea)]
    [InlineData(ProjectStatus.Finished, ProjectStatus.Running)]
    [InlineData(ProjectStatus.Scaled, ProjectStatus.Scaled)]
    public void A_project_moves_forward_or_stops(ProjectStatus from, ProjectStatus to) =>
        Assert.True(StatusTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(ProjectStatus.Idea, ProjectStatus.Scaled)]
    [InlineData(ProjectStatus.Idea, ProjectStatus.Finished)]
    [InlineData(ProjectStatus.Running, ProjectStatus.Idea)]
    [InlineData(ProjectStatus.Finished, ProjectStatus.Stopped)]
    [InlineData(ProjectStatus.Stopped, ProjectStatus.Running)]
    [InlineData(ProjectStatus.Scaled, ProjectStatus.Pilot)]
    public void A_project_cannot_skip_ahead_or_go_back(ProjectStatus from, ProjectStatus to) =>
        Assert.False(StatusTransitions.IsAllowed(from, to));
}

using Llo.Inventory.Domain.Desk;

namespace Llo.Inventory.Tests.Desk;

public sealed class DeskWorkflowTests
{
    [Theory]
    [InlineData(DeskQuestionStatus.New, DeskQuestionStatus.Assigned)]
    [InlineData(DeskQuestionStatus.Assigned, DeskQuestionStatus.Answered)]
    [InlineData(DeskQuestionStatus.Answered, DeskQuestionStatus.Closed)]
    [InlineData(DeskQuestionStatus.Assigned, DeskQuestionStatus.Assigned)]
    public void A_question_moves_one_step_forward(DeskQuestionStatus from, DeskQuestionStatus to) =>
        Assert.True(DeskWorkflow.CanMove(from, to));

    [Theory]
    [InlineData(DeskQuestionStatus.New, DeskQuestionStatus.Answered)]
    [InlineData(DeskQuestionStatus.New, DeskQuestionStatus.Closed)]
    [InlineData(DeskQuestionStatus.Assigned, DeskQuestionStatus.Closed)]
    [InlineData(DeskQuestionStatus.Answered, DeskQuestionStatus.Assigned)]
    [InlineData(DeskQuestionStatus.Answered, DeskQuestionStatus.Answered)]
    [InlineData(DeskQuestionStatus.Closed, DeskQuestionStatus.New)]
    [InlineData(DeskQuestionStatus.Closed, DeskQuestionStatus.Assigned)]
    public void A_question_never_skips_a_step_or_moves_back(DeskQuestionStatus from, DeskQuestionStatus to) =>
        Assert.False(DeskWorkflow.CanMove(from, to));

    [Fact]
    public void Only_new_and_assigned_questions_are_open()
    {
        Assert.True(DeskWorkflow.IsOpen(DeskQuestionStatus.New));
        Assert.True(DeskWorkflow.IsOpen(DeskQuestionStatus.Assigned));
        Assert.False(DeskWorkflow.IsOpen(DeskQuestionStatus.Answered));
        Assert.False(DeskWorkflow.IsOpen(DeskQuestionStatus.Closed));
    }
}

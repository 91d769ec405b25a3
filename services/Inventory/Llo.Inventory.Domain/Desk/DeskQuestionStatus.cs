namespace Llo.Inventory.Domain.Desk;

/// <summary>Where a desk question is; numeric values equal the contract's enum values.</summary>
public enum DeskQuestionStatus
{
    New = 1,
    Assigned = 2,
    Answered = 3,
    Closed = 4,
}

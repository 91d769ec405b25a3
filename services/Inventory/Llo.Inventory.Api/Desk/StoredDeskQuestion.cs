using Llo.Inventory.Domain.Desk;

namespace Llo.Inventory.Api.Desk;

public sealed record StoredDeskQuestion(
    Guid Id,
    DeskSubmission Submission,
    DeskRoute Route,
    DeskQuestionStatus Status,
    string? Assignee,
    string? Answer,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ClosedAt);

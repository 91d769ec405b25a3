namespace Llo.Contracts.Events;

// Events carry ids and public project facts only: never a contact person's details.

[IntegrationEvent("inventory.project-registered")]
public sealed record ProjectRegistered(Guid ProjectId, string Title, IReadOnlyList<string> FocusLines, string Status) : IntegrationEvent;

[IntegrationEvent("inventory.project-updated")]
public sealed record ProjectUpdated(Guid ProjectId, long Version, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

[IntegrationEvent("inventory.project-status-changed")]
public sealed record ProjectStatusChanged(Guid ProjectId, string FromStatus, string ToStatus) : IntegrationEvent;

[IntegrationEvent("inventory.scaling-decided")]
public sealed record ScalingDecided(Guid ProjectId, Guid ProposalId, string Decision, DateOnly DecidedOn) : IntegrationEvent;

// No topic or question text: anyone types those freely, so they may hold personal data. Readers fetch the question.
[IntegrationEvent("inventory.desk-question-received")]
public sealed record DeskQuestionReceived(Guid QuestionId, string? FocusLine, string? Municipality, string RoutedTo) : IntegrationEvent;

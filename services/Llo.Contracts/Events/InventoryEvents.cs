namespace Llo.Contracts.Events;

// Events carry ids and public project facts only: never a contact person's details.

[IntegrationEvent("inventory.project-registered")]
public sealed record ProjectRegistered(Guid ProjectId, string Title, IReadOnlyList<string> FocusLines, string Status) : IntegrationEvent;

[IntegrationEvent("inventory.project-updated")]
public sealed record ProjectUpdated(Guid ProjectId, long Version, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

[IntegrationEvent("inventory.project-status-changed")]
public sealed record ProjectStatusChanged(Guid ProjectId, string FromStatus, string ToStatus) : IntegrationEvent;

// EstimatedYearlyCosts: the proposal's expected yearly cost of the regional roll-out in euros excluding VAT, which finance
// takes as a candidate expense line; optional, so events published before it was added still read.
[IntegrationEvent("inventory.scaling-decided")]
public sealed record ScalingDecided(Guid ProjectId, Guid ProposalId, string Decision, DateOnly DecidedOn, decimal? EstimatedYearlyCosts = null) : IntegrationEvent;

// No topic or question text: anyone types those freely, so they may hold personal data. Readers fetch the question.
[IntegrationEvent("inventory.desk-question-received")]
public sealed record DeskQuestionReceived(Guid QuestionId, string? FocusLine, string? Municipality, string RoutedTo) : IntegrationEvent;

// Agenda events carry ids, the date and what changed: no title, description or organiser text, which partners type
// freely. Readers fetch the item. (The HR network reacts to these for its own agenda.)
[IntegrationEvent("inventory.agenda-item-scheduled")]
public sealed record AgendaItemScheduled(Guid AgendaItemId, DateOnly Date, bool Public, IReadOnlyList<Guid> ProjectIds) : IntegrationEvent;

[IntegrationEvent("inventory.agenda-item-changed")]
public sealed record AgendaItemChanged(Guid AgendaItemId, long Version, DateOnly Date, bool Public, IReadOnlyList<string> ChangedFields) : IntegrationEvent;

[IntegrationEvent("inventory.agenda-item-cancelled")]
public sealed record AgendaItemCancelled(Guid AgendaItemId, DateOnly Date) : IntegrationEvent;

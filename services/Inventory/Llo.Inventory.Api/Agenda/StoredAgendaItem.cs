namespace Llo.Inventory.Api.Agenda;

public sealed record StoredAgendaItem(Guid Id, AgendaItemInput Item, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

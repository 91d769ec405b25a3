using Llo.Persistence;

namespace Llo.Inventory.Api.Agenda;

/// <summary>An agenda item as the database holds it; <see cref="Version"/> grows with every change.</summary>
public sealed record StoredAgendaItem(Guid Id, AgendaItemInput Item, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt) : IVersioned;

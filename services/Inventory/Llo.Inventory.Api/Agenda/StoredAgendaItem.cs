using Llo.Persistence;

namespace Llo.Inventory.Api.Agenda;

/// <summary>
/// An agenda item as the database holds it; <see cref="Version"/> grows with every change. <see cref="Owner"/> is the
/// organisation that published it; null for a programme-owned item (seeded, or from before owners existed).
/// </summary>
public sealed record StoredAgendaItem(
    Guid Id, AgendaItemInput Item, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid? Owner = null) : IVersioned;

namespace Llo.Inventory.Domain.Agenda;

/// <summary>One event of an iCalendar export. Times are local Dutch time (Europe/Amsterdam).</summary>
public sealed record CalendarEvent(
    string Uid,
    string Summary,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string Location,
    string Description,
    IReadOnlyList<string> Categories,
    DateTimeOffset LastModified);

namespace Llo.Persistence.Tests;

public enum GaugeKind { Tide, River }

public sealed record Reading(string Station, decimal Metres);

/// <summary>A row of the test schema's <c>gauges</c> table, mapped by column name.</summary>
public sealed class Gauge
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public GaugeKind Kind { get; init; }
    public DateOnly? MeasuredOn { get; init; }
    public TimeOnly OpensAt { get; init; }
    public List<Reading> Readings { get; init; } = [];
    public string[] Tags { get; init; } = [];
    public long Version { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}

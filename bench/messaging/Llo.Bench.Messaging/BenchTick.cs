using Llo.Contracts.Events;

namespace Llo.Bench.Messaging;

/// <summary>The benchmark's event: a sequence number, so the handler finds the moment its transaction committed.</summary>
[IntegrationEvent("bench.tick")]
public sealed record BenchTick(long Sequence, string Padding) : IntegrationEvent;

using Llo.Inventory.Domain.Scaling;

namespace Llo.Inventory.Api.Scaling;

public sealed record Assessment(string Results, decimal Costs, string Conditions, IReadOnlyList<string> Municipalities, string ProposedBy);

public sealed record StoredScalingProposal(
    Guid Id,
    Guid ProjectId,
    Assessment Assessment,
    DateTimeOffset ProposedAt,
    ScalingDecision? Decision,
    DateOnly? DecidedOn,
    string? Reason,
    DateTimeOffset? DecidedAt);

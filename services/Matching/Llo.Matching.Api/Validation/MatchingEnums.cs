using Domain = Llo.Matching.Domain;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Validation;

/// <summary>The contract's enums paired with the domain's, once (a test checks that every value maps both ways).</summary>
public static class MatchingEnums
{
    public static readonly EnumMap<V1.LoadLevel, Domain.Scoring.LoadLevel> Loads = new();

    public static readonly EnumMap<V1.SkillEvidence, Domain.Scoring.SkillEvidence> Evidence = new();

    public static readonly EnumMap<V1.WorkPhase, Domain.Twins.WorkPhase> Phases = new();

    public static readonly EnumMap<V1.MatchStatus, Domain.Decisions.MatchStatus> Statuses = new();
}

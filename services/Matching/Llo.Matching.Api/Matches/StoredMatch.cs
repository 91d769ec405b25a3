using Google.Protobuf.WellKnownTypes;
using Llo.Matching.Api.Validation;
using Llo.Matching.Domain.Decisions;
using Llo.Persistence;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Matches;

/// <summary>A match as <c>matches</c> holds it: the job and explanation as they were when the run found it, and the decision.</summary>
public sealed record StoredMatch(
    Guid Id,
    Guid RunId,
    Guid WorkerId,
    Guid JobId,
    V1.JobSummary Job,
    V1.MatchExplanation Explanation,
    MatchStatus Status,
    string? Reason,
    long Version,
    DateTimeOffset FoundAt,
    DateTimeOffset? DecidedAt) : IVersioned
{
    public V1.Match ToContract()
    {
        var match = new V1.Match
        {
            Id = Id.ToString(),
            RunId = RunId.ToString(),
            WorkerId = WorkerId.ToString(),
            Job = Job,
            Explanation = Explanation,
            Status = MatchingEnums.Statuses.ToContract(Status),
            Reason = Reason ?? "",
            Version = Version,
            FoundAt = Timestamp.FromDateTimeOffset(FoundAt),
        };
        if (DecidedAt is { } decided)
        {
            match.DecidedAt = Timestamp.FromDateTimeOffset(decided);
        }

        return match;
    }
}

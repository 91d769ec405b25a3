using Llo.GrpcClients;
using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Scoring;

namespace Llo.Matching.Api.Matches;

/// <summary>
/// Which candidates an employer's HR manager may see: only twins whose consent says they may be shown to employers,
/// and for a twin linked to an account only when identity's consent registry confirms it too
/// (<see cref="ConsentCheck"/>, which fails closed: identity away means not shown).
/// </summary>
public sealed class CandidateConsent(ConsentCheck registry)
{
    /// <summary>Identity's purpose code (services/Identity/…/Consents/Data/purposes.json).</summary>
    public const string Purpose = "worker-profile-to-employers";

    /// <summary>
    /// How many of the best candidates are looked at for consent; a page of the ones that consented is taken from them,
    /// so a job whose best 500 people all declined shows none rather than scoring the whole region.
    /// </summary>
    public const int Pool = 500;

    public async Task<List<ScoredItem>> TopSharedAsync(MatchSnapshot snapshot, JobProfile job, int size, CancellationToken ct)
    {
        var shared = new List<ScoredItem>(size);
        foreach (var hit in snapshot.Index.TopCandidates(job, Pool))
        {
            var worker = snapshot.Workers[hit.Index];
            if (worker.Fields.Consent is not { ShareWithEmployers: true }
                || (worker.UserId is { } person && !await registry.IsGivenAsync(person, Purpose, ct)))
            {
                continue;
            }

            shared.Add(hit);
            if (shared.Count == size)
            {
                break;
            }
        }

        return shared;
    }
}

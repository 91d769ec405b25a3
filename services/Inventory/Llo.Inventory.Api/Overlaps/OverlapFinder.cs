using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Domain.Projects;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// Finds existing projects that look like a draft: the <see cref="OverlapIndex"/> scores every project that is not
/// archived with the <see cref="OverlapScorer"/>, and those from the report threshold and near the best are returned
/// as warnings (<see cref="OverlapScorer.RelativeCutoff"/>).
/// </summary>
public sealed class OverlapFinder(OverlapIndex index)
{
    public const int DefaultMaxResults = 5;
    public const int MaxMaxResults = 20;

    public async Task<IReadOnlyList<Contract.Overlap>> FindAsync(ProjectData draft, Guid? exclude, int maxResults, CancellationToken ct)
    {
        var found = await index.ScoreAsync(draft, exclude, OverlapScorer.ReportThreshold, MaxMaxResults, ct);
        var cutoff = found.Count == 0 ? 0 : found[0].Score.Score * OverlapScorer.RelativeCutoff;
        return found.TakeWhile(f => f.Score.Score >= cutoff).Take(maxResults).Select(f => new Contract.Overlap
        {
            ProjectId = f.Id.ToString(),
            Title = f.Title,
            Score = f.Score.Score,
            Reasons = { f.Score.Reasons },
        }).ToList();
    }
}

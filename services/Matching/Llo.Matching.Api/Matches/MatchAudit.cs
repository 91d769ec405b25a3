using System.Globalization;
using Llo.Matching.Api.Workers;
using Llo.Messaging.Audit;

namespace Llo.Matching.Api.Matches;

/// <summary>
/// The audit entries of matching (issue 9 §6: every run and every decision is logged): who ran it is added by
/// <see cref="AuditTrail"/>; the entry holds the inputs' ids, the scoring version, the taxonomy and the results' ids.
/// Never a name, a reason or any other free text.
/// </summary>
internal static class MatchAudit
{
    public const string RunType = "match-run";
    public const string MatchType = "match";

    /// <summary>Ids joined into one detail value; a longer list continues in "key.2", "key.3", …</summary>
    private const char Separator = '/';

    /// <summary>A run for one worker (job matches, task matches, transitions, region fit) over its results' ids.</summary>
    /// <paramref name="rows"/> replaces the results' count for a run whose results have no ids (region fit).
    public static AuditEntry WorkerRun(string kind, Guid? runId, StoredWorker worker, MatchSnapshot snapshot, IReadOnlyCollection<string> results,
        int? rows = null)
    {
        var details = Inputs(kind, snapshot);
        details["workerId"] = worker.Id.ToString("D");
        Results(details, results);
        if (rows is { } count)
        {
            details["results"] = count.ToString(CultureInfo.InvariantCulture);
        }

        return new AuditEntry(AuditActions.MatchRun, RunType, runId?.ToString("D"), WorkerAudit.Subjects(worker), details);
    }

    /// <summary>A candidates run for a job: every worker it scored and returned is a subject.</summary>
    public static AuditEntry CandidatesRun(Guid runId, Guid jobId, IReadOnlyCollection<StoredWorker> candidates, IReadOnlyCollection<StoredMatch> matches,
        MatchSnapshot snapshot)
    {
        var details = Inputs("candidates", snapshot);
        details["jobId"] = jobId.ToString("D");
        Results(details, [.. matches.Select(m => m.Id.ToString("D"))]);
        return new AuditEntry(AuditActions.MatchRun, RunType, runId.ToString("D"), WorkerAudit.Subjects(candidates), details);
    }

    /// <summary>A coach's decision on a match: the new status and the match's worker, job, run and scoring version (not the reason).</summary>
    public static AuditEntry Decision(StoredMatch decided, StoredWorker worker) =>
        new(AuditActions.Decision, MatchType, decided.Id.ToString("D"), WorkerAudit.Subjects(worker), new Dictionary<string, string>
        {
            ["status"] = decided.Status.ToString().ToLowerInvariant(),
            ["workerId"] = decided.WorkerId.ToString("D"),
            ["jobId"] = decided.JobId.ToString("D"),
            ["runId"] = decided.RunId.ToString("D"),
            ["scoringVersion"] = decided.Explanation.ScoringVersion,
            ["version"] = decided.Version.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>A read of a worker's stored matches (one, or a page).</summary>
    public static AuditEntry Read(StoredWorker worker, string? matchId, int count) =>
        new(AuditActions.Read, MatchType, matchId, WorkerAudit.Subjects(worker), new Dictionary<string, string>
        {
            ["workerId"] = worker.Id.ToString("D"),
            ["count"] = count.ToString(CultureInfo.InvariantCulture),
        });

    private static Dictionary<string, string> Inputs(string kind, MatchSnapshot snapshot)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["kind"] = kind, ["scoringVersion"] = snapshot.Scorer.Weights.Version };
        if (AuditIds.IsId(snapshot.Ready.Taxonomy.Source))
        {
            details["taxonomy"] = snapshot.Ready.Taxonomy.Source;
        }

        return details;
    }

    private static void Results(Dictionary<string, string> details, IReadOnlyCollection<string> ids)
    {
        details["results"] = ids.Count.ToString(CultureInfo.InvariantCulture);
        var part = 1;
        var value = "";
        foreach (var id in ids.Where(AuditIds.IsId))
        {
            if (value.Length > 0 && value.Length + 1 + id.Length > AuditIds.MaxLength)
            {
                details[Key(part++)] = value;
                value = "";
            }

            value = value.Length == 0 ? id : value + Separator + id;
        }

        if (value.Length > 0)
        {
            details[Key(part)] = value;
        }
    }

    private static string Key(int part) => part == 1 ? "resultIds" : $"resultIds.{part.ToString(CultureInfo.InvariantCulture)}";
}

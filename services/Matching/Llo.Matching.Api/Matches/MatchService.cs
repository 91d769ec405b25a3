using System.Globalization;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Matching.Api.Access;
using Llo.Matching.Api.Employers;
using Llo.Matching.Api.Validation;
using Llo.Matching.Api.Workers;
using Llo.Matching.Domain.Decisions;
using Llo.Matching.Domain.Index;
using Llo.Matching.Domain.Region;
using Llo.Matching.Domain.Scoring;
using Llo.Matching.Domain.Transitions;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Llo.Persistence;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using R = Llo.Matching.Api.Validation.MatchingResources;
using V1 = Llo.Contracts.Matching.V1;

namespace Llo.Matching.Api.Matches;

/// <summary>
/// The match endpoints, each answer explained. Job matches and candidates are stored as a match run (scoring version,
/// taxonomy, results), each result a match a coach decides on; the worker sees the matches a coach proposed or decided.
/// Every run, decision and read of a worker's matches leaves an audit entry (<see cref="MatchAudit"/>); a stored run and a
/// decision record it in their transaction, the others before they answer (503 when it cannot be written).
/// </summary>
public sealed class MatchService(NpgsqlDataSource dataSource, MatchEngine engine, AuditTrail audit, CandidateConsent consent, TimeProvider time) : V1.MatchService.MatchServiceBase
{
    public const int DefaultSize = 10;
    public const int MaxSize = 50;
    public const int CarvingCandidates = 200;
    private static readonly PageLimits Limits = new(Default: 20, Max: 100);

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<V1.ListJobMatchesResponse> ListJobMatches(V1.ListJobMatchesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var (id, size) = Check(request.WorkerId, request.PageSize);
        var worker = await ReadableWorkerAsync(id, context);
        var snapshot = await engine.SnapshotAsync(ct);
        var profile = snapshot.Profile(worker.Fields);
        var now = StoredTime.Now(time);
        var runId = Guid.CreateVersion7();
        var results = new List<(StoredMatch Match, V1.JobSummary Job)>();
        foreach (var hit in snapshot.Index.TopJobs(profile, size))
        {
            var (job, employer) = snapshot.Jobs[hit.Index];
            var explanation = ExplanationContract.ToContract(snapshot.Scorer.Explain(profile, snapshot.Index.Jobs[hit.Index]), snapshot);
            var summary = snapshot.Summary(job, employer);
            results.Add((new StoredMatch(Guid.CreateVersion7(), runId, worker.Id, job.Id, summary, explanation, MatchStatus.Recommended, null, 1, now, null), summary));
        }

        var matches = results.Select(r => r.Match).ToList();
        var entry = MatchAudit.WorkerRun("job-matches", runId, worker, snapshot, [.. matches.Select(m => m.Id.ToString("D"))]);
        await StoreRunAsync(runId, "job-matches", worker.Id, null, snapshot, matches, now, context.Caller(), entry, ct);
        var response = new V1.ListJobMatchesResponse
        {
            RunId = runId.ToString(), ScoringVersion = snapshot.Scorer.Weights.Version, Taxonomy = snapshot.Ready.Taxonomy.Source, Attribution = snapshot.Ready.Attribution,
        };
        response.Matches.AddRange(results.Select(r => new V1.JobMatch { MatchId = r.Match.Id.ToString(), Job = r.Job, Explanation = r.Match.Explanation }));
        return response;
    }

    [Authorize(Policy = MatchingPolicies.CandidatesRead)]
    public override async Task<V1.ListCandidatesResponse> ListCandidates(V1.ListCandidatesRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var (jobId, size) = Check(request.JobId, request.PageSize, R.Job, "jobId");
        StoredJob job;
        StoredEmployer employer;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            job = await JobStore.FindAsync(connection, jobId, ct) ?? throw R.Job.NotFound(jobId);
            employer = await EmployerStore.FindAsync(connection, null, job.EmployerId, ct) ?? throw R.Employer.NotFound(job.EmployerId);
        }

        // An HR manager sees candidates for their own organisation's jobs only, without names, and only those who consented.
        var seesAll = caller.IsProgrammeManager();
        var isCoach = caller.HasRole(LloRoles.Coach);
        if (!seesAll && !isCoach)
        {
            caller.RequireActsFor(employer.Owner, $"functie {jobId}");
        }

        var snapshot = await engine.SnapshotAsync(ct);
        var profile = snapshot.Profile(job, employer);
        List<ScoredItem> top;
        if (seesAll)
        {
            top = snapshot.Index.TopCandidates(profile, size);
        }
        else if (!isCoach)
        {
            top = await consent.TopSharedAsync(snapshot, profile, size, ct);
        }
        else
        {
            // A coach: only their own workers, scored one by one (a coach has a few dozen).
            top = snapshot.Workers.Select((w, i) => (w, i)).Where(x => caller.IsCoachOf(x.w.CoachUserId))
                .Select(x => new ScoredItem(x.i, snapshot.Scorer.Score(snapshot.Index.Workers[x.i], profile)))
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(size).ToList();
        }

        var now = StoredTime.Now(time);
        var runId = Guid.CreateVersion7();
        var summary = snapshot.Summary(job, employer);
        var response = new V1.ListCandidatesResponse
        {
            Job = summary, RunId = runId.ToString(), ScoringVersion = snapshot.Scorer.Weights.Version, Taxonomy = snapshot.Ready.Taxonomy.Source,
            Attribution = snapshot.Ready.Attribution,
        };
        var stored = new List<StoredMatch>();
        var candidates = new List<StoredWorker>();
        foreach (var hit in top)
        {
            var worker = snapshot.Workers[hit.Index];
            var explanation = ExplanationContract.ToContract(snapshot.Scorer.Explain(snapshot.Index.Workers[hit.Index], profile), snapshot);
            var match = new StoredMatch(Guid.CreateVersion7(), runId, worker.Id, job.Id, summary, explanation, MatchStatus.Recommended, null, 1, now, null);
            stored.Add(match);
            candidates.Add(worker);
            response.Candidates.Add(new V1.Candidate
            {
                MatchId = match.Id.ToString(),
                WorkerId = worker.Id.ToString(),
                DisplayName = seesAll || caller.IsCoachOf(worker.CoachUserId) ? worker.Fields.DisplayName : "",
                Explanation = explanation,
            });
        }

        await StoreRunAsync(runId, "candidates", null, job.Id, snapshot, stored, now, caller,
            MatchAudit.CandidatesRun(runId, job.Id, candidates, stored, snapshot), ct);
        return response;
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<V1.ListTaskMatchesResponse> ListTaskMatches(V1.ListTaskMatchesRequest request, ServerCallContext context)
    {
        var (id, _) = Check(request.WorkerId, 0);
        var worker = await ReadableWorkerAsync(id, context);
        var snapshot = await engine.SnapshotAsync(context.CancellationToken);
        var profile = snapshot.Profile(worker.Fields);
        var candidates = snapshot.TaskIndex.TopTasks(profile, CarvingCandidates).Select(t => snapshot.TaskIndex.Tasks[t.Index]);
        var bundle = snapshot.Carver.Carve(profile, candidates);
        var response = new V1.ListTaskMatchesResponse { HoursPerWeek = bundle.Hours, Employers = bundle.Employers, Score = bundle.Score };
        foreach (var carved in bundle.Tasks)
        {
            var (job, employer, taskIndex) = snapshot.Tasks[carved.Task.Id];
            var task = new V1.CarvedTask
            {
                JobId = job.Id.ToString(), TaskIndex = taskIndex, Title = job.Fields.Tasks[taskIndex].Title, EmployerId = employer.Id.ToString(),
                EmployerName = employer.Fields.Name, Municipality = job.Fields.Municipality, HoursPerWeek = carved.Task.Hours, Fit = carved.Fit,
            };
            task.CoveredSkills.AddRange(carved.CoveredSkills.Select(snapshot.SkillRef));
            task.MissingSkills.AddRange(carved.MissingSkills.Select(snapshot.SkillRef));
            response.Tasks.Add(task);
        }

        await audit.RecordReadAsync(context.Caller(),
            MatchAudit.WorkerRun("task-matches", null, worker, snapshot, [.. response.Tasks.Select(t => $"{t.JobId}:{t.TaskIndex.ToString(CultureInfo.InvariantCulture)}")]),
            context.CancellationToken);
        return response;
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<V1.ListTransitionsResponse> ListTransitions(V1.ListTransitionsRequest request, ServerCallContext context)
    {
        var (id, size) = Check(request.WorkerId, request.PageSize);
        var worker = await ReadableWorkerAsync(id, context);
        var snapshot = await engine.SnapshotAsync(context.CancellationToken);
        var profile = snapshot.Profile(worker.Fields);
        var taxonomy = snapshot.Ready.Taxonomy;
        var current = worker.Fields.OccupationUris.Select(u => taxonomy.FindOccupation(u)?.Id ?? -1).Where(o => o >= 0).ToHashSet();
        var response = new V1.ListTransitionsResponse { Taxonomy = taxonomy.Source, Attribution = snapshot.Ready.Attribution };
        var occupationIds = new List<string>();
        foreach (var t in snapshot.Transitions.Find(profile, current, size))
        {
            var occupation = taxonomy.Occupations[t.OccupationId];
            var transition = new V1.Transition
            {
                Occupation = new V1.SkillRef { Uri = occupation.Uri, Label = occupation.Label },
                Level = t.Level == TransitionLevel.HighlyViable ? "highly-viable" : "viable",
                EssentialCoverage = t.EssentialCoverage, OptionalCoverage = t.OptionalCoverage, Score = t.Score, SameIscoGroup = t.SameIscoGroup,
            };
            // A transition's gap has no job score to raise; each missing skill is shown with the offers that teach it.
            transition.MissingEssential.AddRange(t.MissingEssential.Select(s => ExplanationContract.Gap(snapshot, s, true, 0, 0)));
            response.Transitions.Add(transition);
            occupationIds.Add(OccupationCode(occupation.Uri));
        }

        await audit.RecordReadAsync(context.Caller(), MatchAudit.WorkerRun("transitions", null, worker, snapshot, occupationIds), context.CancellationToken);
        return response;
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<V1.GetRegionFitResponse> GetRegionFit(V1.GetRegionFitRequest request, ServerCallContext context)
    {
        var (id, _) = Check(request.WorkerId, 0);
        var worker = await ReadableWorkerAsync(id, context);
        var snapshot = await engine.SnapshotAsync(context.CancellationToken);
        var response = new V1.GetRegionFitResponse();
        response.Demand.AddRange(RegionFit.For(snapshot.Profile(worker.Fields), snapshot.Index).Select(d => new V1.RegionDemand
        {
            Municipality = d.Municipality, Sector = d.Sector, SectorLabel = Sectors.DutchNames.GetValueOrDefault(d.Sector, d.Sector),
            MatchingVacancies = d.MatchingVacancies, Vacancies = d.Vacancies, MeanScore = d.MeanScore, BestScore = d.BestScore,
        }));
        // Its results are counts per municipality and sector, not ids: the entry holds how many rows it showed.
        await audit.RecordReadAsync(context.Caller(), MatchAudit.WorkerRun("region-fit", null, worker, snapshot, [], response.Demand.Count), context.CancellationToken);
        return response;
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<V1.ListWorkerMatchesResponse> ListWorkerMatches(V1.ListWorkerMatchesRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var id = R.Worker.ParseId(request.WorkerId, "workerId", violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, request.WorkerId);
        violations.ThrowIfAny();
        var worker = await ReadableWorkerAsync(id!.Value, context);
        var caller = context.Caller();
        // The worker sees what a coach put before them, not every recommendation a run produced.
        var decidedOnly = !caller.IsProgrammeManager() && !caller.IsCoachOf(worker.CoachUserId);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var (rows, total) = await MatchStore.ListAsync(connection, worker.Id, decidedOnly, page, context.CancellationToken);
        var response = new V1.ListWorkerMatchesResponse { TotalSize = total, NextPageToken = page.NextToken(rows.Count, total) };
        response.Matches.AddRange(rows.Select(m => m.ToContract()));
        if (rows.Count > 0)
        {
            await audit.RecordReadAsync(caller, MatchAudit.Read(worker, null, rows.Count), context.CancellationToken);
        }

        return response;
    }

    [Authorize(Policy = MatchingPolicies.WorkersRead)]
    public override async Task<V1.Match> GetMatch(V1.GetMatchRequest request, ServerCallContext context)
    {
        var id = R.Match.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var match = await MatchStore.FindAsync(connection, id, context.CancellationToken) ?? throw R.Match.NotFound(id);
        var worker = await WorkerStore.FindAsync(connection, match.WorkerId, context.CancellationToken) ?? throw R.Match.NotFound(id);
        var caller = context.Caller();
        caller.RequireMayRead(worker.Id, worker.CoachUserId, worker.UserId);
        if (match.Status == MatchStatus.Recommended && !caller.IsProgrammeManager() && !caller.IsCoachOf(worker.CoachUserId))
        {
            throw R.Match.NotFound(id);
        }

        await audit.RecordReadAsync(caller, MatchAudit.Read(worker, match.Id.ToString("D"), 1), context.CancellationToken);
        return match.ToContract();
    }

    [Authorize(Policy = MatchingPolicies.MatchesDecide)]
    public override async Task<V1.Match> DecideMatch(V1.DecideMatchRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = R.Match.ParseId(request.Id);
        R.Match.RequireVersionOrZero(request.Version);
        var violations = new FieldViolations();
        var decision = MatchingEnums.Statuses.Required(request.Decision, "decision", "beslissing", violations);
        var reason = TextField.Check(request.Reason, "reason", "De reden", 1000, required: false, violations);
        if (decision == MatchStatus.Recommended)
        {
            violations.Add("decision", "Een besluit is MATCH_STATUS_PROPOSED, MATCH_STATUS_ACCEPTED of MATCH_STATUS_REJECTED.");
        }

        if (decision == MatchStatus.Rejected && reason.Length == 0)
        {
            violations.Add("reason", "Geef een reden bij een afwijzing.");
        }

        violations.ThrowIfAny();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await MatchStore.LockAsync(tx, id, ct).Expecting(request.Version, () => R.Match.NotFound(id), R.Match.Stale);
        var worker = await WorkerStore.FindAsync(connection, current.WorkerId, ct) ?? throw R.Match.NotFound(id);
        var caller = context.Caller();
        caller.RequireMayChange(worker.Id, worker.CoachUserId);
        if (MatchDecision.Refusal(current.Status, decision!.Value, reason) is { } refusal)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, refusal));
        }

        var decided = current with { Status = decision.Value, Reason = reason.Length == 0 ? null : reason, Version = current.Version + 1, DecidedAt = StoredTime.Now(time) };
        await MatchStore.DecideAsync(tx, decided, ct);
        IntegrationEvent evt = decided.Status == MatchStatus.Proposed
            ? new MatchProposed(decided.Id, decided.WorkerId, decided.JobId, decided.Explanation.Score, decided.Explanation.ScoringVersion)
            : new MatchDecided(decided.Id, decided.WorkerId, decided.JobId, decided.Status.ToString());
        await Outbox.EnqueueAsync(tx, evt, decided.Id.ToString(), decided.Version, ct);
        await audit.RecordAsync(tx, caller, MatchAudit.Decision(decided, worker), ct);
        await tx.CommitAsync(ct);
        return decided.ToContract();
    }

    /// <summary>Stores a run with its audit entry in one transaction: without the entry the run is neither kept nor shown.</summary>
    private async Task StoreRunAsync(Guid runId, string kind, Guid? workerId, Guid? jobId, MatchSnapshot snapshot, IReadOnlyList<StoredMatch> results,
        DateTimeOffset now, Caller caller, AuditEntry entry, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await MatchStore.InsertRunAsync(tx, runId, kind, workerId, jobId, snapshot.Scorer.Weights.Version, snapshot.Ready.Taxonomy.Source, results, now, ct);
        try
        {
            await audit.RecordAsync(tx, caller, entry, ct);
        }
        catch (NpgsqlException) when (!ct.IsCancellationRequested)
        {
            throw AuditTrail.Unavailable();
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>An occupation's code in an audit entry: the last segment of its URI (the ESCO UUID).</summary>
    private static string OccupationCode(string uri) => uri[(uri.LastIndexOf('/') + 1)..];

    private async Task<StoredWorker> ReadableWorkerAsync(Guid id, ServerCallContext context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var worker = await WorkerStore.FindAsync(connection, id, context.CancellationToken) ?? throw R.Worker.NotFound(id);
        context.Caller().RequireMayRead(id, worker.CoachUserId, worker.UserId);
        return worker;
    }

    private static (Guid Id, int Size) Check(string id, int size, Resource? resource = null, string field = "workerId")
    {
        var violations = new FieldViolations();
        var parsed = (resource ?? R.Worker).ParseId(id, field, violations);
        if (size is < 0 or > MaxSize)
        {
            violations.Add("pageSize", $"Het aantal resultaten moet tussen 1 en {MaxSize} liggen (nu {size.ToString(CultureInfo.InvariantCulture)}).");
        }

        violations.ThrowIfAny();
        return (parsed!.Value, size == 0 ? DefaultSize : size);
    }
}

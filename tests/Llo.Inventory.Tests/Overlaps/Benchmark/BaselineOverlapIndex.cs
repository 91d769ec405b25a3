using Llo.Inventory.Api.Overlaps;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Domain.Projects;
using Llo.Persistence;
using Npgsql;

namespace Llo.Inventory.Tests.Overlaps.Benchmark;

/// <summary>
/// The bench's baseline: the overlap index as it was before it skipped the refresh query and added up the text's
/// evidence over its postings (main at d6f0917, frozen here apart from its name and <see cref="BaselinePostings"/>).
/// It reads what changed before every check and ranks each candidate with a dictionary look-up per draft term.
/// Kept so a run compares both side by side on the same data and the same load; never used by the service.
/// </summary>
public sealed class BaselineOverlapIndex(NpgsqlDataSource dataSource, OverlapLanguage language, TimeProvider time)
{
    /// <summary>A write stamps updated_at just before it commits; rows stamped this long before the newest seen are read again.</summary>
    private static readonly TimeSpan LateCommitMargin = TimeSpan.FromSeconds(5);

    /// <summary>Now and then every row's version is compared, whatever its stamp.</summary>
    private static readonly TimeSpan FullSyncInterval = TimeSpan.FromMinutes(5);

    /// <summary>How long the first check waits for the word list and ESCO, so early answers match later ones.</summary>
    private static readonly TimeSpan FirstCheckWait = TimeSpan.FromSeconds(15);

    /// <summary>From this many candidates the ranking uses every core: a check of 10,000 projects is mostly this loop.</summary>
    private const int ParallelFrom = 2_000;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<Guid, Entry> _entries = [];
    private readonly BaselinePostings _terms = new(StringComparer.Ordinal);

    /// <summary>Sectors, campus and partners, compared as <see cref="OverlapScorer"/> compares them (ignoring case).</summary>
    private readonly BaselinePostings _fields = new(StringComparer.OrdinalIgnoreCase);
    private TermStatistics _statistics = new();
    private OverlapTextAnalyser? _analyser;
    private DateTimeOffset? _seenUpTo;
    private DateTimeOffset? _lastFullSync;

    public sealed record Found(Guid Id, string Title, OverlapScore Score);

    private sealed record Entry(long Version, string Title, string Summary, string Description, OverlapProfile Profile)
    {
        private CachedNorm? _norm;

        /// <summary>The text norm under the current statistics, computed again only after they changed.</summary>
        public double Norm(TermStatistics statistics)
        {
            var cached = _norm; // one reference: concurrent readers at worst compute the same value twice
            if (cached is null || cached.Version != statistics.Version)
            {
                cached = new CachedNorm(statistics.Version, OverlapScorer.TextNorm(Profile.Text, statistics));
                _norm = cached;
            }

            return cached.Value;
        }
    }

    private sealed record CachedNorm(long Version, double Value);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _entries.Count; } finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>
    /// The best <paramref name="limit"/> indexed projects (except <paramref name="exclude"/>) from <paramref name="minimum"/>,
    /// best first, with reasons. All are ranked without reasons first; only those returned are explained.
    /// </summary>
    public async Task<IReadOnlyList<Found>> ScoreAsync(ProjectData draft, Guid? exclude, double minimum, int limit, CancellationToken ct)
    {
        await RefreshAsync(ct);
        _lock.EnterReadLock();
        try
        {
            var text = _analyser!.Analyse(draft.Title, draft.Summary, draft.Description);
            var check = new OverlapScorer.Check(Profile(text, draft), _statistics);
            var candidates = Candidates(check, draft, text, minimum).Where(c => c.Key != exclude).ToList();
            var ranked = candidates.Count >= ParallelFrom
                ? candidates.AsParallel().Select(c => Ranked(check, c)).Where(r => r.Score >= minimum).ToList()
                : candidates.Select(c => Ranked(check, c)).Where(r => r.Score >= minimum).ToList();

            return ranked
                .OrderByDescending(r => r.Score).ThenBy(r => r.Entry.Title, StringComparer.Ordinal).ThenBy(r => r.Id)
                .Take(limit)
                .Select(r => new Found(r.Id, r.Entry.Title, check.Score(r.Entry.Profile, r.Norm)))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private (Guid Id, Entry Entry, double Norm, double Score) Ranked(OverlapScorer.Check check, KeyValuePair<Guid, Entry> candidate)
    {
        var norm = candidate.Value.Norm(_statistics);
        return (candidate.Key, candidate.Value, norm, check.Rank(candidate.Value.Profile, norm));
    }

    /// <summary>
    /// The projects that can reach <paramref name="minimum"/>: a project sharing no term or concept with the draft gets
    /// no text evidence, so only those sharing one are scored, plus those sharing a sector, campus or partner when
    /// these could reach it without text, and all when even focus line and period could.
    /// </summary>
    private IEnumerable<KeyValuePair<Guid, Entry>> Candidates(OverlapScorer.Check check, ProjectData draft, AnalysedText text, double minimum)
    {
        if (check.CanReachWithoutSharedText(minimum, sharingSectorCampusOrPartner: false))
        {
            return _entries;
        }

        var ids = _terms.Sharing(text.Terms.Keys);
        if (check.CanReachWithoutSharedText(minimum, sharingSectorCampusOrPartner: true))
        {
            ids.UnionWith(_fields.Sharing(FieldKeys(draft.Sectors, draft.Campus, draft.Partners.Select(p => p.Organisation))));
        }

        return ids.Select(id => new KeyValuePair<Guid, Entry>(id, _entries[id]));
    }

    /// <summary>Sectors and partners are compared trimmed, the campus as written; the prefixes keep the three apart.</summary>
    private static IEnumerable<string> FieldKeys(IEnumerable<string> sectors, string? campus, IEnumerable<string> partners) =>
        sectors.Select(s => "s:" + s.Trim())
            .Concat(string.IsNullOrEmpty(campus) ? [] : ["c:" + campus])
            .Concat(partners.Select(p => "p:" + p.Trim()));

    private static IEnumerable<string> FieldKeys(OverlapProfile profile) => FieldKeys(profile.Sectors, profile.Campus, profile.Partners);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            if (_analyser is null)
            {
                await language.WhenLoaded.WaitAsync(FirstCheckWait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var analyser = language.Analyser;
            if (!ReferenceEquals(analyser, _analyser))
            {
                Reanalyse(analyser);
            }

            var full = _lastFullSync is not { } last || time.GetUtcNow() - last > FullSyncInterval;
            var since = full ? null : _seenUpTo - LateCommitMargin;
            var stale = new List<Guid>();
            var changes = new List<(Guid Id, Entry? Entry)>();
            var seen = new HashSet<Guid>();
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var changed = await Rows.QueryAsync<ChangedRow>(connection, null,
                "SELECT id, version, archived, updated_at FROM projects WHERE @since::timestamptz IS NULL OR updated_at > @since",
                new { since }, ct);
            foreach (var row in changed)
            {
                _seenUpTo = _seenUpTo is { } upTo && upTo > row.UpdatedAt ? upTo : row.UpdatedAt;
                seen.Add(row.Id);
                if (row.Archived)
                {
                    changes.Add((row.Id, null));
                }
                else if (!_entries.TryGetValue(row.Id, out var known) || known.Version != row.Version)
                {
                    stale.Add(row.Id);
                }
            }

            if (full)
            {
                // A full pass also forgets rows that are gone, and heals a change a late commit hid from the margin.
                changes.AddRange(_entries.Keys.Where(id => !seen.Contains(id)).Select(id => (id, (Entry?)null)));
                _lastFullSync = time.GetUtcNow();
            }

            if (stale.Count > 0)
            {
                changes.AddRange((await ProjectStore.FindActiveAsync(connection, [.. stale], ct))
                    .Select(project => (project.Id, (Entry?)Read(project, analyser))));
            }

            if (changes.Count > 0)
            {
                Apply(changes);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static Entry Read(StoredProject project, OverlapTextAnalyser analyser)
    {
        var data = project.Data;
        return new Entry(project.Version, data.Title, data.Summary, data.Description, Profile(analyser.Analyse(data.Title, data.Summary, data.Description), data));
    }

    /// <summary>What the refresh reads of every changed row.</summary>
    private sealed class ChangedRow
    {
        public Guid Id { get; init; }
        public long Version { get; init; }
        public bool Archived { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private void Apply(List<(Guid Id, Entry? Entry)> changes)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var (id, entry) in changes)
            {
                if (_entries.Remove(id, out var old))
                {
                    _statistics.Remove(old.Profile.Text);
                    _terms.Remove(id, old.Profile.Text.Terms.Keys);
                    _fields.Remove(id, FieldKeys(old.Profile));
                }

                if (entry is not null)
                {
                    _entries[id] = entry;
                    _statistics.Add(entry.Profile.Text);
                    _terms.Add(id, entry.Profile.Text.Terms.Keys);
                    _fields.Add(id, FieldKeys(entry.Profile));
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void Reanalyse(OverlapTextAnalyser analyser)
    {
        var statistics = new TermStatistics();
        var entries = _entries.ToDictionary(e => e.Key, e =>
        {
            var entry = e.Value with { Profile = e.Value.Profile with { Text = analyser.Analyse(e.Value.Title, e.Value.Summary, e.Value.Description) } };
            statistics.Add(entry.Profile.Text);
            return entry;
        });
        _lock.EnterWriteLock();
        try
        {
            _entries.Clear();
            _terms.Clear();
            _fields.Clear();
            foreach (var (id, entry) in entries)
            {
                _entries[id] = entry;
                _terms.Add(id, entry.Profile.Text.Terms.Keys);
                _fields.Add(id, FieldKeys(entry.Profile));
            }

            _statistics = statistics;
            _analyser = analyser;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private static OverlapProfile Profile(AnalysedText text, ProjectData draft) =>
        new(text, draft.FocusLines, draft.Sectors, draft.Campus, draft.Partners.Select(p => p.Organisation).ToList(), draft.StartDate, draft.EndDate);
}

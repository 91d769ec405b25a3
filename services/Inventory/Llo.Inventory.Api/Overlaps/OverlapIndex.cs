using Llo.Inventory.Domain.Overlaps;
using Llo.Inventory.Api.Projects;
using Llo.Inventory.Domain.Projects;
using Llo.Persistence;
using Llo.Messaging;
using Npgsql;

namespace Llo.Inventory.Api.Overlaps;

/// <summary>
/// Every project that is not archived, analysed once and kept in memory with the term statistics of all their texts,
/// so a check scores thousands of projects without a query per word. A refresh reads the ids and versions of the
/// projects changed since the last one (by <c>updated_at</c>, with a margin for transactions that committed late; all
/// of them every few minutes) and reads and analyses only rows with a new version; when the analyser changes (the word
/// list and ESCO finished loading) it analyses everything again. A check refreshes first unless nothing can have
/// changed: while <see cref="FollowChangesAsync"/> listens to the projects' change notifications, no write was
/// notified or enqueued an event in this process since the last refresh began, nor within the late-commit margin
/// (see <see cref="MustRefresh"/>). An inverted index from terms to projects (<see cref="Postings"/>) adds up the
/// text's evidence term by term over the projects that hold each term, so only projects that share a term (or a
/// sector, campus or partner) with the draft are scored.
/// </summary>
public sealed class OverlapIndex : IDisposable
{
    /// <summary>The channel of <c>202_overlap_notify.sql</c>: every statement that changes <c>projects</c> notifies it.</summary>
    public const string ChangeChannel = "overlap_projects";

    /// <summary>A write stamps updated_at just before it commits; rows stamped this long before the newest seen are read again.</summary>
    private static readonly TimeSpan LateCommitMargin = TimeSpan.FromSeconds(5);

    /// <summary>Now and then every row's version is compared, whatever its stamp.</summary>
    private static readonly TimeSpan FullSyncInterval = TimeSpan.FromMinutes(5);

    /// <summary>How long the first check waits for the word list and ESCO, so early answers match later ones.</summary>
    private static readonly TimeSpan FirstCheckWait = TimeSpan.FromSeconds(15);

    private readonly NpgsqlDataSource _dataSource;
    private readonly OverlapLanguage _language;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<Guid, Entry> _entries = [];

    /// <summary>The entries by slot (a dense number, so a check adds up evidence in arrays); null marks a free slot.</summary>
    private readonly List<Entry?> _slots = [];
    private readonly Stack<int> _freeSlots = new();
    private readonly Postings _terms = new(StringComparer.Ordinal);

    /// <summary>Sectors, campus and partners, compared as <see cref="OverlapScorer"/> compares them (ignoring case).</summary>
    private readonly Postings _fields = new(StringComparer.OrdinalIgnoreCase);
    private TermStatistics _statistics = new();
    private OverlapTextAnalyser? _analyser;
    private DateTimeOffset? _seenUpTo;
    private DateTimeOffset? _lastFullSync;

    /// <summary>True only while a connection listens to <see cref="ChangeChannel"/>: without it every check refreshes.</summary>
    private volatile bool _following;

    /// <summary>Counts the writes heard of (notified or enqueued here); a refresh records the count it began at.</summary>
    private long _changes;
    private long _refreshedChanges = -1;

    /// <summary>Until this timestamp (<see cref="TimeProvider.GetTimestamp"/>) every check refreshes: a write enqueued here may still commit.</summary>
    private long _refreshUntil;

    public OverlapIndex(NpgsqlDataSource dataSource, OverlapLanguage language, TimeProvider time)
    {
        _dataSource = dataSource;
        _language = language;
        _time = time;
        // Every project write of this service enqueues its event in the write's transaction: hearing of it here, the
        // next checks read the change once it commits, before its notification arrives.
        Outbox.Enqueued += Changed;
    }

    public void Dispose() => Outbox.Enqueued -= Changed;

    public sealed record Found(Guid Id, string Title, OverlapScore Score);

    private sealed record Entry(Guid Id, int Slot, long Version, string Title, string Summary, string Description, OverlapProfile Profile)
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
        if (MustRefresh())
        {
            await RefreshAsync(ct);
        }

        _lock.EnterReadLock();
        try
        {
            var text = _analyser!.Analyse(draft.Title, draft.Summary, draft.Description);
            var check = new OverlapScorer.Check(Profile(text, draft), _statistics);
            return Rank(check, draft, exclude, minimum)
                .OrderByDescending(r => r.Score).ThenBy(r => r.Entry.Title, StringComparer.Ordinal).ThenBy(r => r.Entry.Id)
                .Take(limit)
                .Select(r => new Found(r.Entry.Id, r.Entry.Title, check.Score(r.Entry.Profile, r.Norm)))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Whether a check must read changes first: always until the index is built and while nobody listens to the
    /// projects' notifications; else when a write was heard of since the last refresh began, a write enqueued here may
    /// still commit (<see cref="LateCommitMargin"/>), the analyser changed or a full pass is due.
    /// </summary>
    private bool MustRefresh() =>
        _analyser is null
        || !_following
        || Interlocked.Read(ref _changes) != Interlocked.Read(ref _refreshedChanges)
        || _time.GetTimestamp() < Interlocked.Read(ref _refreshUntil)
        || !ReferenceEquals(_language.Analyser, _analyser)
        || _lastFullSync is not { } last || _time.GetUtcNow() - last > FullSyncInterval;

    /// <summary>A project write was notified or is about to commit in this process: the next checks read the changes.</summary>
    private void Changed()
    {
        var until = _time.GetTimestamp() + (long)(LateCommitMargin.TotalSeconds * _time.TimestampFrequency);
        long current;
        while ((current = Interlocked.Read(ref _refreshUntil)) < until && Interlocked.CompareExchange(ref _refreshUntil, until, current) != current)
        {
        }

        Interlocked.Increment(ref _changes);
    }

    /// <summary>
    /// Listens to <see cref="ChangeChannel"/> until <paramref name="ct"/> ends, so checks skip the refresh query while
    /// nothing changes; when the connection breaks, checks refresh every time until it listens again.
    /// </summary>
    public async Task FollowChangesAsync(ILogger logger, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => Changed();
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                // What changed before the LISTEN took effect is read by the next refresh.
                Changed();
                _following = true;
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                _following = false;
                var delay = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(5, failures++)));
                logger.LogWarning("Overlap index stopped listening to project changes ({Error}); every check reads changes until it listens again in {Delay}",
                    exception.GetType().Name, delay);
                await Task.Delay(delay, _time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                _following = false;
            }
        }
    }

    /// <summary>
    /// The candidates from <paramref name="minimum"/> with their rank and text norm. The text's dot product and shared
    /// words are added up term by term over the postings, in the draft's term order, so each project's sums are the
    /// ones <see cref="OverlapScorer.Check.Rank(OverlapProfile, double)"/> computes. A project sharing no term or concept
    /// with the draft gets no text evidence, so only those sharing one are scored, plus those sharing a sector, campus
    /// or partner when these could reach <paramref name="minimum"/> without text, and all when even focus line and
    /// period could.
    /// </summary>
    private List<(Entry Entry, double Norm, double Score)> Rank(OverlapScorer.Check check, ProjectData draft, Guid? exclude, double minimum)
    {
        var size = _slots.Count;
        var dots = new double[size];
        var words = new double[size];
        var candidate = new bool[size];
        var candidates = new List<int>();
        foreach (var (term, draftWeight, idf, wordCount) in check.Terms)
        {
            foreach (var posting in _terms.Of(term))
            {
                var slot = posting.Slot;
                dots[slot] += draftWeight * posting.Weight * idf;
                words[slot] += wordCount;
                if (!candidate[slot])
                {
                    candidate[slot] = true;
                    candidates.Add(slot);
                }
            }
        }

        if (check.CanReachWithoutSharedText(minimum, sharingSectorCampusOrPartner: false))
        {
            AddAll(candidate, candidates);
        }
        else if (check.CanReachWithoutSharedText(minimum, sharingSectorCampusOrPartner: true))
        {
            foreach (var key in FieldKeys(draft.Sectors, draft.Campus, draft.Partners.Select(p => p.Organisation)))
            {
                foreach (var posting in _fields.Of(key))
                {
                    if (!candidate[posting.Slot])
                    {
                        candidate[posting.Slot] = true;
                        candidates.Add(posting.Slot);
                    }
                }
            }
        }

        var ranked = new List<(Entry Entry, double Norm, double Score)>();
        foreach (var slot in candidates)
        {
            var entry = _slots[slot]!;
            if (entry.Id == exclude)
            {
                continue;
            }

            var norm = entry.Norm(_statistics);
            var score = check.Rank(entry.Profile, norm, dots[slot], words[slot]);
            if (score >= minimum)
            {
                ranked.Add((entry, norm, score));
            }
        }

        return ranked;
    }

    private void AddAll(bool[] candidate, List<int> candidates)
    {
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            if (_slots[slot] is not null && !candidate[slot])
            {
                candidate[slot] = true;
                candidates.Add(slot);
            }
        }
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
            // Writes heard of from here on are read by the next refresh, not necessarily by this one.
            var changes = Interlocked.Read(ref _changes);
            if (_analyser is null)
            {
                await _language.WhenLoaded.WaitAsync(FirstCheckWait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            var analyser = _language.Analyser;
            if (!ReferenceEquals(analyser, _analyser))
            {
                Reanalyse(analyser);
            }

            var full = _lastFullSync is not { } last || _time.GetUtcNow() - last > FullSyncInterval;
            var since = full ? null : _seenUpTo - LateCommitMargin;
            var stale = new List<Guid>();
            var updates = new List<(Guid Id, Entry? Entry)>();
            var seen = new HashSet<Guid>();
            await using var connection = await _dataSource.OpenConnectionAsync(ct);
            var changed = await Rows.QueryAsync<ChangedRow>(connection, null,
                "SELECT id, version, archived, updated_at FROM projects WHERE @since::timestamptz IS NULL OR updated_at > @since",
                new { since }, ct);
            foreach (var row in changed)
            {
                _seenUpTo = _seenUpTo is { } upTo && upTo > row.UpdatedAt ? upTo : row.UpdatedAt;
                seen.Add(row.Id);
                if (row.Archived)
                {
                    updates.Add((row.Id, null));
                }
                else if (!_entries.TryGetValue(row.Id, out var known) || known.Version != row.Version)
                {
                    stale.Add(row.Id);
                }
            }

            if (full)
            {
                // A full pass also forgets rows that are gone, and heals a change a late commit hid from the margin.
                updates.AddRange(_entries.Keys.Where(id => !seen.Contains(id)).Select(id => (id, (Entry?)null)));
                _lastFullSync = _time.GetUtcNow();
            }

            if (stale.Count > 0)
            {
                updates.AddRange((await ProjectStore.FindActiveAsync(connection, [.. stale], ct))
                    .Select(project => (project.Id, (Entry?)Read(project, analyser))));
            }

            if (updates.Count > 0)
            {
                Apply(updates);
            }

            Interlocked.Exchange(ref _refreshedChanges, changes);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static Entry Read(StoredProject project, OverlapTextAnalyser analyser)
    {
        var data = project.Data;
        return new Entry(project.Id, -1, project.Version, data.Title, data.Summary, data.Description, Profile(analyser.Analyse(data.Title, data.Summary, data.Description), data));
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
                    _terms.Remove(old.Slot, old.Profile.Text.Terms.Keys);
                    _fields.Remove(old.Slot, FieldKeys(old.Profile));
                    _slots[old.Slot] = null;
                    _freeSlots.Push(old.Slot);
                }

                if (entry is not null)
                {
                    _statistics.Add(entry.Profile.Text);
                    Index(entry);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Gives the entry a slot and adds it to the postings (the statistics are the caller's).</summary>
    private void Index(Entry entry)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : _slots.Count;
        entry = entry with { Slot = slot };
        if (slot == _slots.Count)
        {
            _slots.Add(entry);
        }
        else
        {
            _slots[slot] = entry;
        }

        _entries[entry.Id] = entry;
        _terms.Add(slot, entry.Profile.Text.Terms.Select(t => KeyValuePair.Create(t.Key, t.Value.Weight)));
        _fields.Add(slot, FieldKeys(entry.Profile).Select(k => KeyValuePair.Create(k, 1.0)));
    }

    private void Reanalyse(OverlapTextAnalyser analyser)
    {
        var statistics = new TermStatistics();
        var entries = _entries.Values.Select(e =>
        {
            var entry = e with { Profile = e.Profile with { Text = analyser.Analyse(e.Title, e.Summary, e.Description) } };
            statistics.Add(entry.Profile.Text);
            return entry;
        }).ToList();
        _lock.EnterWriteLock();
        try
        {
            _entries.Clear();
            _slots.Clear();
            _freeSlots.Clear();
            _terms.Clear();
            _fields.Clear();
            foreach (var entry in entries)
            {
                Index(entry);
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

using Llo.Messaging.Audit;

namespace Llo.Matching.Api.Workers;

/// <summary>
/// The audit entries of a worker's twin (personal data). The person is named by the place matching keeps them
/// ("worker/{id}") and, when the twin is linked to an account, by that user id; never by name or free text.
/// </summary>
internal static class WorkerAudit
{
    public const string ResourceType = "worker";

    public static string Subject(Guid workerId) => $"worker/{workerId:D}";

    /// <summary>The subject ids of one twin: its place, and its linked user when it has one.</summary>
    public static List<string> Subjects(StoredWorker worker) =>
        worker.UserId is { } user ? [Subject(worker.Id), user.ToString("D")] : [Subject(worker.Id)];

    /// <summary>The subject ids of several twins, each once, in order.</summary>
    public static List<string> Subjects(IEnumerable<StoredWorker> workers) => [.. workers.SelectMany(Subjects).Distinct(StringComparer.Ordinal)];

    public static AuditEntry Created(StoredWorker worker) =>
        new(AuditActions.Create, ResourceType, worker.Id.ToString("D"), Subjects(worker), Version(worker));

    /// <summary>A change; a link to another account names both the old and the new user.</summary>
    public static AuditEntry Updated(StoredWorker before, StoredWorker after) =>
        new(AuditActions.Update, ResourceType, after.Id.ToString("D"), Subjects([before, after]), Version(after));

    public static AuditEntry Read(StoredWorker worker, string? view = null) =>
        new(AuditActions.Read, ResourceType, worker.Id.ToString("D"), Subjects(worker),
            view is null ? Version(worker) : new Dictionary<string, string> { ["version"] = Version(worker)["version"], ["view"] = view });

    /// <summary>One read naming every twin on a page; null for an empty page (nobody's data is shown).</summary>
    public static AuditEntry? ReadPage(IReadOnlyCollection<StoredWorker> page) =>
        page.Count == 0
            ? null
            : new AuditEntry(AuditActions.Read, ResourceType, null, Subjects(page),
                new Dictionary<string, string> { ["count"] = page.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Dictionary<string, string> Version(StoredWorker worker) =>
        new() { ["version"] = worker.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

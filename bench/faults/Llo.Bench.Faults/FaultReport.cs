using System.Globalization;
using System.Text;

namespace Llo.Bench.Faults;

/// <summary>The table: what was written, stored and delivered, against the goal (0 missing, 0 doubled, no 500).</summary>
internal sealed class FaultReport(
    WriteResult writes, IReadOnlyList<StoredProjects.Stored> stored, IReadOnlyCollection<Delivery> deliveries,
    StoredProjects.OutboxState outbox, string titlePrefix, TimeSpan drained)
{
    public bool Passed { get; private set; }

    public string Render()
    {
        var acknowledged = writes.Acknowledged.Where(id => id is not null).Select(id => id!.Value).ToHashSet();
        var storedIds = stored.Select(project => project.Id).ToHashSet();
        var ours = deliveries.Where(d => d.Title?.StartsWith(titlePrefix, StringComparison.Ordinal) == true
            || (d.ProjectId is { } id && (storedIds.Contains(id) || acknowledged.Contains(id)))).ToList();
        var byProject = ours.Where(d => d.ProjectId is not null).GroupBy(d => d.ProjectId!.Value).ToDictionary(g => g.Key, g => g.ToList());

        var lostWrites = acknowledged.Count(id => !storedIds.Contains(id));
        var storedTwice = stored.GroupBy(project => project.Title).Count(title => title.Count() > 1);
        var unacknowledged = storedIds.Count(id => !acknowledged.Contains(id));
        var missingAcknowledged = acknowledged.Count(id => !byProject.ContainsKey(id));
        var missingUnacknowledged = storedIds.Count(id => !acknowledged.Contains(id) && !byProject.ContainsKey(id));
        var doubled = byProject.Values.Where(list => list.Count > 1).ToList();
        var sameEvent = doubled.Count(list => list.Select(d => d.MessageId).Distinct().Count() == 1);
        var twoEvents = doubled.Count - sameEvent;
        var unknownEvents = byProject.Keys.Count(id => !storedIds.Contains(id));
        var fiveHundreds = writes.Outcomes.GetValueOrDefault("500");
        var refused = writes.Outcomes.Where(o => o.Key != "200").ToList();
        var ambiguousProjects = writes.Ambiguous.Count(count => count > 0);

        // A project delivered twice with the same event id is at-least-once delivery (an unconfirmed publish repeated by
        // the relay, an unacknowledged delivery repeated by the broker): what a consumer's inbox is for. Two different
        // events for one project would be handled twice even with an inbox: that is the goal's "doubled".
        Passed = writes.Rejected == 0 && acknowledged.Count == writes.Projects && lostWrites == 0 && missingAcknowledged == 0
            && missingUnacknowledged == 0 && twoEvents == 0 && unknownEvents == 0 && fiveHundreds == 0 && outbox.Unsent == 0
            && storedTwice == 0;

        var table = new StringBuilder();
        table.AppendLine("| measure | count | goal |");
        table.AppendLine("|---|---:|---|");
        Row(table, "projects to write", writes.Projects, "");
        Row(table, "write attempts (steady rate, retried after a refusal or timeout)", writes.Attempts, "");
        Row(table, "writes acknowledged (200)", acknowledged.Count, $"{writes.Projects}");
        Row(table, "writes refused or unanswered, all attempts", refused.Sum(o => o.Value), "fine during an outage");
        foreach (var (outcome, count) in refused) Row(table, $"&nbsp;&nbsp;{outcome}", count, outcome == "500" ? "0" : "");
        Row(table, "projects given up (refused with a 4xx)", writes.Rejected, "0");
        Row(table, "acknowledged writes not in the database (lost)", lostWrites, "0");
        Row(table, "projects whose write got an unclear answer (timeout, 5xx) and was retried", ambiguousProjects, "");
        Row(table, "projects stored twice by such a retry (each retry carries its project's request id)", storedTwice, "0");
        Row(table, "projects stored without an acknowledged write", unacknowledged, "reported");
        Row(table, "ProjectRegistered deliveries of this run", ours.Count, "");
        Row(table, "events received (distinct projects)", byProject.Count, $"{storedIds.Count} (stored)");
        Row(table, "events missing: acknowledged writes whose event never arrived", missingAcknowledged, "0");
        Row(table, "events missing: stored, unacknowledged projects whose event never arrived", missingUnacknowledged, "0");
        Row(table, "projects delivered more than once (this consumer keeps every delivery)", doubled.Count, "reported");
        Row(table, "&nbsp;&nbsp;the same event id again (at-least-once; a consumer's inbox drops it)", sameEvent, "reported");
        Row(table, "events handled twice: two different events for one project (an inbox cannot help)", twoEvents, "0");
        Row(table, "events for projects not in the database", unknownEvents, "0");
        Row(table, "answers 500", fiveHundreds, "0");
        Row(table, "outbox rows unsent / parked after the drain", $"{outbox.Unsent} / {outbox.Parked}", "0 / 0");
        table.AppendLine();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"Writes took {writes.Elapsed.TotalSeconds:0} s (ticks skipped at the in-flight cap: {writes.SkippedTicks}); the drain after the last fault {drained.TotalSeconds:0} s.");
        table.AppendLine();
        table.AppendLine(Passed ? "Verdict: PASS (0 missing, 0 handled twice, 0 stored twice, no 500)." : "Verdict: FAIL.");
        return table.ToString();
    }

    private static void Row(StringBuilder table, string measure, object count, string goal) =>
        table.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {count} | {goal} |");
}

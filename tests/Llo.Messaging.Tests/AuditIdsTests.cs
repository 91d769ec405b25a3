using Llo.Messaging.Audit;

namespace Llo.Messaging.Tests;

/// <summary>The audit trail takes ids and codes only, so no e-mail address, name or typed text reaches the log.</summary>
public sealed class AuditIdsTests
{
    private static AuditEntry Entry(IReadOnlyList<string>? subjects = null, string? resourceId = "project/1", Dictionary<string, string>? details = null,
        string action = AuditActions.Read, string type = "project") =>
        new(action, type, resourceId, subjects ?? ["project/0195a4c2-7d1e-7000-8000-000000000001/contact"], details);

    [Fact]
    public void Ids_codes_and_uuids_pass()
    {
        AuditIds.Check(Entry(details: new() { ["scoringVersion"] = "2.1", ["inputs"] = "twin:42" }));
        AuditIds.Check(Entry(subjects: [Guid.NewGuid().ToString("D")], resourceId: null, action: AuditActions.MatchRun, type: "match-run"));
    }

    [Theory]
    [InlineData("fenna@example.org")]
    [InlineData("Fenna de Vries")]
    [InlineData("")]
    public void A_subject_that_is_not_an_id_is_refused_without_quoting_it(string subject)
    {
        var error = Assert.Throws<ArgumentException>(() => AuditIds.Check(Entry(subjects: [subject])));

        Assert.Contains("Subject id [0]", error.Message);
        if (subject.Length > 0) Assert.DoesNotContain(subject, error.Message);
    }

    [Fact]
    public void Free_text_in_a_detail_a_resource_id_an_unknown_action_or_type_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AuditIds.Check(Entry(details: new() { ["note"] = "belde met mevrouw Jansen" })));
        Assert.Throws<ArgumentException>(() => AuditIds.Check(Entry(details: new() { ["E-mail adres"] = "x" })));
        Assert.Throws<ArgumentException>(() => AuditIds.Check(Entry(resourceId: "sem@example.org")));
        Assert.Throws<ArgumentException>(() => AuditIds.Check(Entry(action: "peek")));
        Assert.Throws<ArgumentException>(() => AuditIds.Check(Entry(type: "Project Contact")));
    }
}

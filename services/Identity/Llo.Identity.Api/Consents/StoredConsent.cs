namespace Llo.Identity.Api.Consents;

/// <summary>A consent row.</summary>
public sealed record StoredConsent
{
    public const string Self = "self";
    public const string Parent = "parent";

    public Guid ConsentId { get; init; }
    public Guid PersonId { get; init; }
    public string Purpose { get; init; } = "";
    public int PurposeVersion { get; init; }
    public Guid GivenBy { get; init; }
    public string Relation { get; init; } = "";
    public DateOnly? ChildBirthDate { get; init; }
    public DateTimeOffset GivenAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    public long Version { get; init; }

    /// <summary>In force: not withdrawn, and given for the purpose's current text.</summary>
    public bool InForce => WithdrawnAt is null && ConsentPurposes.Find(Purpose)?.Version == PurposeVersion;
}

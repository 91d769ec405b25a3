namespace Llo.Identity.Api.Audit;

/// <summary>Settings of the audit log (section <c>Identity:Audit</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Identity:Audit";

    /// <summary>The law's six months, with margin: a shorter retention is refused at start.</summary>
    public static readonly TimeSpan MinimumRetention = TimeSpan.FromDays(183);

    /// <summary>How long entries are kept after they were appended (default 400 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    /// <summary>How often the retention job looks for old entries.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Entries deleted per transaction, so the chain's head is never locked for long.</summary>
    public int RetentionBatchSize { get; set; } = 500;

    /// <summary>
    /// The append-only file outside the database that witnesses the chain's head (<see cref="AuditWitness"/>); none when
    /// empty. Put it where the database's users cannot write (another disk, a host the database does not run on).
    /// </summary>
    public string? WitnessPath { get; set; }

    /// <summary>How often the head is witnessed: a rewrite of entries younger than this is not caught by the witness.</summary>
    public TimeSpan WitnessInterval { get; set; } = TimeSpan.FromMinutes(1);
}

namespace Llo.Identity.Api.Rights;

/// <summary>
/// A privacy request row. Properties rather than a positional record, because Npgsql reports a <c>text[]</c> column as
/// <c>System.Array</c>, which Dapper cannot match to a constructor parameter.
/// </summary>
public sealed record StoredPrivacyRequest
{
    public const string Export = "export";
    public const string Erasure = "erasure";

    public Guid RequestId { get; init; }
    public string Kind { get; init; } = "";
    public Guid? SubjectUserId { get; init; }
    public string[] SubjectEmails { get; init; } = [];
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
    public string[] ExpectedServices { get; init; } = [];
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>One service's answer to a request: when, how many records it erased, or its part of the export (JSON text).</summary>
public sealed record StoredPrivacyAnswer
{
    public Guid RequestId { get; init; }
    public string Service { get; init; } = "";
    public DateTimeOffset AnsweredAt { get; init; }
    public int? ErasedCount { get; init; }
    public string? Part { get; init; }
}

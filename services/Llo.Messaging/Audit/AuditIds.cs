using System.Text.RegularExpressions;

namespace Llo.Messaging.Audit;

/// <summary>
/// The shape rules that keep personal data out of the audit log: resource and subject ids and detail values are short
/// tokens of letters, digits and <c>. _ : / -</c> (so no e-mail address, no name with a space, no typed sentence).
/// A value that breaks them is a programming error and throws before anything is written.
/// </summary>
public static partial class AuditIds
{
    public const int MaxLength = 200;
    public const int MaxSubjects = 1000;
    public const int MaxDetails = 32;

    [GeneratedRegex("^[A-Za-z0-9._:/-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9.-]{0,63}$")]
    private static partial Regex KeyPattern();

    public static bool IsId(string? value) => value is { Length: > 0 and <= MaxLength } && IdPattern().IsMatch(value);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first part of <paramref name="entry"/> that is not an id or code.</summary>
    public static void Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!AuditActions.All.Contains(entry.Action))
            throw new ArgumentException($"Unknown audit action '{entry.Action}'.", nameof(entry));
        if (!TypePattern().IsMatch(entry.ResourceType ?? ""))
            throw new ArgumentException("The resource type must be lower-case and hyphenated.", nameof(entry));
        if (entry.ResourceId is not null && !IsId(entry.ResourceId))
            throw new ArgumentException("The resource id is not an id.", nameof(entry));
        if (entry.SubjectIds is null || entry.SubjectIds.Count > MaxSubjects)
            throw new ArgumentException($"An entry names 0 to {MaxSubjects} subject ids.", nameof(entry));
        for (var i = 0; i < entry.SubjectIds.Count; i++)
        {
            // The value itself is not quoted: if it is not an id it may well be personal data.
            if (!IsId(entry.SubjectIds[i])) throw new ArgumentException($"Subject id [{i}] is not an id.", nameof(entry));
        }

        var details = entry.Details ?? new Dictionary<string, string>();
        if (details.Count > MaxDetails)
            throw new ArgumentException($"An entry has at most {MaxDetails} details.", nameof(entry));
        foreach (var (key, value) in details)
        {
            if (!KeyPattern().IsMatch(key ?? "")) throw new ArgumentException("A detail key must be a camelCase code.", nameof(entry));
            if (!IsId(value)) throw new ArgumentException($"Detail '{key}' is not an id or code.", nameof(entry));
        }
    }
}

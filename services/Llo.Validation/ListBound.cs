using Google.Protobuf.Reflection;

namespace Llo.Validation;

/// <summary>
/// The most items one repeated field of a contract takes, declared once per field with the word for its items
/// ("gemeenten"). A service lists its bounds in one place, and its tests use <see cref="Unbounded"/> to find any
/// repeated field of a request without one, so no request can make a service loop over, store or quote back
/// ten thousand entries.
/// </summary>
public sealed class ListBound
{
    private ListBound(FieldDescriptor field, int max, string noun)
    {
        Field = field;
        Max = max;
        Noun = noun;
    }

    public FieldDescriptor Field { get; }

    public int Max { get; }

    public string Noun { get; }

    /// <summary>The bound of <paramref name="message"/>'s repeated field <paramref name="protoFieldName"/>; a wrong name fails at start-up.</summary>
    public static ListBound Of(MessageDescriptor message, string protoFieldName, int max, string noun)
    {
        var field = message.FindFieldByName(protoFieldName)
            ?? throw new ArgumentException($"{message.FullName} has no field '{protoFieldName}'.", nameof(protoFieldName));
        if (!field.IsRepeated || field.IsMap)
        {
            throw new ArgumentException($"{field.FullName} is not a list.", nameof(protoFieldName));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return new ListBound(field, max, noun);
    }

    /// <summary>True when <paramref name="count"/> items fit; otherwise one violation on <paramref name="path"/> (the caller's JSON path) and false.</summary>
    public bool Check(int count, string path, FieldViolations violations) => ListField.Max(count, Max, path, Noun, violations);

    /// <summary>
    /// Every repeated field reachable from <paramref name="requests"/> (through message fields, at any depth) that
    /// <paramref name="declared"/> does not bound. Google's own types are left out: a <c>FieldMask</c> is bounded by
    /// <see cref="UpdateMask"/>, which takes at most one path per field of the message.
    /// </summary>
    public static IReadOnlyList<FieldDescriptor> Unbounded(IEnumerable<MessageDescriptor> requests, IEnumerable<ListBound> declared)
    {
        var bounded = declared.Select(b => b.Field).ToHashSet();
        var seen = new HashSet<MessageDescriptor>();
        var missing = new List<FieldDescriptor>();
        var pending = new Stack<MessageDescriptor>(requests);
        while (pending.TryPop(out var message))
        {
            if (message.File.Package.StartsWith("google.", StringComparison.Ordinal) || !seen.Add(message))
            {
                continue;
            }

            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                if (field.IsRepeated && !bounded.Contains(field))
                {
                    missing.Add(field);
                }

                if (field.FieldType == FieldType.Message)
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        return missing;
    }
}

using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Llo.Validation;

/// <summary>
/// PATCH semantics for any fields message: the fields named in update_mask (snake_case as in the contract, or the
/// JSON camelCase name) are taken from the request, every other field keeps its stored value. An empty mask
/// replaces every field. A mask names at most as many paths as the message has fields.
/// </summary>
public static class UpdateMask
{
    public static T Apply<T>(T current, T patch, IList<string> mask, FieldViolations violations)
        where T : IMessage<T>, IDeepCloneable<T>
    {
        if (mask.Count == 0)
        {
            return patch;
        }

        var fields = current.Descriptor.Fields.InDeclarationOrder();
        if (!ListField.Max(mask.Count, fields.Count, "updateMask", "velden", violations))
        {
            return current;
        }

        var merged = current.Clone();
        for (var i = 0; i < mask.Count; i++)
        {
            var path = mask[i].Trim();
            var field = fields.FirstOrDefault(f => f.Name == path || f.JsonName == path);
            if (field is null)
            {
                violations.Add($"updateMask[{i}]", $"Onbekend veld \"{Echo.Of(path)}\". Kies uit: {string.Join(", ", fields.Select(f => f.Name))}.");
                continue;
            }

            Copy(field, patch, merged);
        }

        return merged;
    }

    /// <summary>
    /// The contract names of the fields whose values differ, in field-number order: what an update event reports, and
    /// empty for a no-op update (which keeps the version and publishes nothing).
    /// </summary>
    public static IReadOnlyList<string> ChangedFields<T>(T before, T after)
        where T : IMessage<T> =>
        before.Descriptor.Fields.InFieldNumberOrder()
            .Where(f => !Equals(f.Accessor.GetValue(before), f.Accessor.GetValue(after)))
            .Select(f => f.Name)
            .ToList();

    private static void Copy(FieldDescriptor field, IMessage from, IMessage to)
    {
        var value = field.Accessor.GetValue(from);
        if (field.IsRepeated)
        {
            var target = (IList)field.Accessor.GetValue(to);
            target.Clear();
            foreach (var item in (IList)value)
            {
                target.Add(item);
            }
        }
        else if (value is null)
        {
            field.Accessor.Clear(to);
        }
        else
        {
            field.Accessor.SetValue(to, value);
        }
    }
}

using System.Collections;
using Google.Protobuf.Reflection;
using Llo.Inventory.Api.Validation;
using Contract = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Projects;

/// <summary>
/// PATCH semantics: the fields named in update_mask (snake_case as in the contract, or the JSON camelCase name) are
/// taken from the request, every other field keeps its stored value. An empty mask replaces every field.
/// </summary>
public static class UpdateMask
{
    private static readonly IReadOnlyList<FieldDescriptor> Fields = Contract.ProjectFields.Descriptor.Fields.InDeclarationOrder().ToList();

    public static Contract.ProjectFields Apply(Contract.ProjectFields current, Contract.ProjectFields patch, IList<string> mask, FieldViolations violations)
    {
        if (mask.Count == 0)
        {
            return patch;
        }

        var merged = current.Clone();
        for (var i = 0; i < mask.Count; i++)
        {
            var path = mask[i].Trim();
            var field = Fields.FirstOrDefault(f => f.Name == path || f.JsonName == path);
            if (field is null)
            {
                violations.Add($"updateMask[{i}]", $"Onbekend veld \"{path}\". Kies uit: {string.Join(", ", Fields.Select(f => f.Name))}.");
                continue;
            }

            Copy(field, patch, merged);
        }

        return merged;
    }

    private static void Copy(FieldDescriptor field, Contract.ProjectFields from, Contract.ProjectFields to)
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

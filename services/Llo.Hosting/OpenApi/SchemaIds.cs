using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Llo.Hosting.OpenApi;

/// <summary>
/// Schema names from the contract, not from .NET: a message or enum is named by its proto full name
/// ("llo.inventory.v1.Project", "google.rpc.Status"), so two packages' "Status" never collide and no
/// .NET namespace shows in the document.
/// </summary>
internal static class SchemaIds
{
    private const string ContractsNamespace = "Llo.Contracts.";

    public static string For(Type type)
    {
        if (typeof(IMessage).IsAssignableFrom(type) && type.GetProperty("Descriptor")?.GetValue(null) is MessageDescriptor message)
        {
            return message.FullName;
        }

        // Generated enums carry no descriptor of their own; Llo's packages follow "llo.<service>.v1" (docs/conventions.md).
        if (type.IsEnum && type.Namespace?.StartsWith(ContractsNamespace, StringComparison.Ordinal) == true)
        {
            return $"llo.{type.Namespace[ContractsNamespace.Length..].ToLowerInvariant()}.{type.Name}";
        }

        if (type.IsEnum && type.Namespace == typeof(Google.Protobuf.WellKnownTypes.NullValue).Namespace)
        {
            return $"google.protobuf.{type.Name}";
        }

        // An enum C# nests in a message (a oneof's case) is named under that message.
        if (type.DeclaringType is { } outer && typeof(IMessage).IsAssignableFrom(outer))
        {
            return $"{For(outer)}.{type.Name}";
        }

        return type.Name;
    }
}

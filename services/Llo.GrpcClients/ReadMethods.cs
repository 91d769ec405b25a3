using Google.Protobuf.Reflection;

namespace Llo.GrpcClients;

/// <summary>
/// Which of a service's methods only read, so that repeating them is safe. The contracts follow the standard
/// methods of resource-oriented design: Get, List (and our Search) change nothing; Create, Update, Delete and
/// custom verbs do.
/// </summary>
internal static class ReadMethods
{
    private static readonly string[] Prefixes = ["Get", "List", "Search", "BatchGet"];

    public static bool IsRead(MethodDescriptor method) =>
        !method.IsClientStreaming && Prefixes.Any(prefix => method.Name.StartsWith(prefix, StringComparison.Ordinal)
            && method.Name.Length > prefix.Length && char.IsAsciiLetterUpper(method.Name[prefix.Length]));

    /// <summary>The service descriptor of a generated client (<c>FooService.FooServiceClient</c> → <c>FooService.Descriptor</c>).</summary>
    public static ServiceDescriptor ServiceOf(Type client) =>
        client.DeclaringType?.GetProperty("Descriptor")?.GetValue(null) as ServiceDescriptor
        ?? throw new InvalidOperationException(
            $"{client.Name} is not a client generated from a .proto file (no {client.DeclaringType?.Name}.Descriptor).");
}

using System.Reflection;

namespace Llo.Persistence;

/// <summary>
/// The scripts one database receives, in order: the shared blocks' scripts (such as the messaging outbox and inbox)
/// first, then the service's own.
/// </summary>
public sealed record SchemaPlan(IReadOnlyList<SchemaScript> Scripts)
{
    public static SchemaPlan For(Assembly service, params Assembly[] shared) =>
        new([.. shared.SelectMany(a => SchemaScript.Embedded(a, qualified: true)), .. SchemaScript.Embedded(service)]);
}

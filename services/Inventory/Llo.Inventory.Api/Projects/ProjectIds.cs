using Grpc.Core;
using Llo.Inventory.Api.Validation;

namespace Llo.Inventory.Api.Projects;

public static class ProjectIds
{
    /// <summary>The id as a Guid, or an InvalidArgument naming <paramref name="field"/>.</summary>
    public static Guid Parse(string id, string field = "id")
    {
        if (Guid.TryParse(id, out var guid) && guid != Guid.Empty)
        {
            return guid;
        }

        new FieldViolations().Add(field, $"Geen geldig project-id \"{id}\" (verwacht een GUID).").ThrowIfAny();
        return Guid.Empty;
    }

    public static RpcException NotFound(Guid id) =>
        new(new Status(StatusCode.NotFound, $"Project {id} bestaat niet."));
}

using Google.Rpc;
using Grpc.Core;

namespace Llo.Validation;

/// <summary>
/// Collects every problem with a request before anything is stored, then fails once with
/// gRPC InvalidArgument carrying google.rpc.BadRequest field violations (HTTP 400 through JSON transcoding).
/// Field names are the JSON (lowerCamelCase) names a caller sent, e.g. "project.title".
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool IsEmpty => _violations.Count == 0;

    public int Count => _violations.Count;

    public FieldViolations Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public void ThrowIfAny()
    {
        if (IsEmpty)
        {
            return;
        }

        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(_violations);
        var summary = string.Join("; ", _violations.Select(v => $"{v.Field}: {v.Description}"));
        throw new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"Ongeldige invoer: {summary}",
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        }.ToRpcException();
    }
}

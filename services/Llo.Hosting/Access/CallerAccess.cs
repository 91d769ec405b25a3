using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Llo.Hosting.Access;

/// <summary>Reads the <see cref="Caller"/> of a gRPC call (transcoded or not) or of a minimal-API request.</summary>
public static class CallerAccess
{
    public static Caller Caller(this ServerCallContext context) => Access.Caller.From(context.GetHttpContext().User);

    public static Caller Caller(this HttpContext context) => Access.Caller.From(context.User);
}

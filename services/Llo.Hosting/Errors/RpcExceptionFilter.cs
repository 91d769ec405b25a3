using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Llo.Hosting.Errors;

/// <summary>
/// Lets a minimal-API endpoint validate with the same helpers as the gRPC services (which throw
/// <see cref="RpcException"/>) and still answer in the one error shape, so no endpoint catches it itself.
/// </summary>
internal sealed class RpcExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RpcException exception)
        {
            return ApiError.Result(ApiError.From(exception));
        }
    }
}

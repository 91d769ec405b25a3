using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Llo.Hosting.Errors;

/// <summary>
/// A database that cannot be reached (down, restarting, refusing connections while it recovers) is the platform's
/// trouble, not a defect and not the caller's mistake: the call ends as <c>Unavailable</c> (HTTP 503) with a Dutch
/// "try again", so clients and the gateway know a retry may succeed, instead of <c>Unknown</c> (HTTP 500). The driver
/// says which failures these are (<see cref="DbException.IsTransient"/>: a refused or broken connection, a server
/// still starting up). Other exceptions pass unchanged.
/// </summary>
internal sealed class DatabaseUnavailable(ILogger<DatabaseUnavailable> logger) : Interceptor
{
    public const string Message = "De database is even niet bereikbaar; probeer het zo opnieuw.";

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true }) return true;
        }
        return false;
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (Is(exception))
        {
            throw Unavailable(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (Is(exception))
        {
            throw Unavailable(exception, context);
        }
    }

    private RpcException Unavailable(Exception exception, ServerCallContext context)
    {
        // The driver's reason names the server and the failure, never data of the request.
        logger.LogWarning("Database unavailable during {Method}: {Reason}", context.Method, exception.GetBaseException().Message);
        return new RpcException(new Status(StatusCode.Unavailable, Message));
    }
}

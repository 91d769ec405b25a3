using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Llo.GrpcClients;

/// <summary>
/// Gives every outgoing call a deadline when the caller set none, and the caller's correlation id: the one
/// the current request arrived with (the gateway sets it), otherwise the current trace id (as the gateway
/// would). The trace context itself (<c>traceparent</c>) is added by the HTTP client underneath.
/// </summary>
internal sealed class OutgoingCallInterceptor(TimeSpan deadline, IHttpContextAccessor requests) : Interceptor
{
    public const string CorrelationHeader = "x-correlation-id";
    private const int MaxCorrelationIdLength = 64;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Prepare(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Prepare(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Prepare(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Prepare(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Prepare(context));

    private ClientInterceptorContext<TRequest, TResponse> Prepare<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        var options = context.Options;
        if (options.Deadline is null)
        {
            options = options.WithDeadline(DateTime.UtcNow.Add(deadline));
        }
        var correlationId = CorrelationId();
        if (correlationId is not null && options.Headers?.Get(CorrelationHeader) is null)
        {
            var headers = options.Headers ?? [];
            headers.Add(CorrelationHeader, correlationId);
            options = options.WithHeaders(headers);
        }
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }

    private string? CorrelationId()
    {
        var given = requests.HttpContext?.Request.Headers[CorrelationHeader];
        if (given is { Count: 1 } && IsSane(given.Value[0]))
        {
            return given.Value[0];
        }
        return Activity.Current is { } activity ? activity.TraceId.ToHexString() : null;
    }

    // The same rule as the gateway's: a short token, so nothing a client sent can grow into our headers or logs.
    private static bool IsSane(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxCorrelationIdLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

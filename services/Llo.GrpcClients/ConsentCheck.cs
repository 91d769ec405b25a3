using Grpc.Core;
using Llo.Contracts.Identity.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llo.GrpcClients;

/// <summary>
/// The one call a service makes before any optional sharing of personal data: does the person consent to the purpose?
/// It asks identity's <c>llo.identity.v1.Consents/CheckConsent</c> with the token of the request being served (the
/// caller must hold an identity scope). It fails closed: when identity cannot confirm (unreachable, too slow, the token
/// refused) the answer is false, and the service does not share.
/// </summary>
public sealed class ConsentCheck(Consents.ConsentsClient client, IHttpContextAccessor requests, ILogger<ConsentCheck> logger)
{
    /// <summary>True only when identity confirms a consent in force for <paramref name="personId"/> and <paramref name="purpose"/>.</summary>
    public async Task<bool> IsGivenAsync(Guid personId, string purpose, CancellationToken ct = default)
    {
        var headers = new Metadata();
        if (requests.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            headers.Add("authorization", authorization);
        }

        try
        {
            var answer = await client.CheckConsentAsync(
                new CheckConsentRequest { PersonId = personId.ToString("D"), Purpose = purpose }, headers, cancellationToken: ct);
            return answer.Granted;
        }
        catch (RpcException ex) when (ex.StatusCode is not StatusCode.InvalidArgument && !ct.IsCancellationRequested)
        {
            // Neither the person nor the purpose in the log: only why identity could not confirm.
            logger.LogWarning("Consent could not be confirmed ({Status}); not sharing", ex.StatusCode);
            return false;
        }
    }
}

public static class ConsentCheckRegistration
{
    /// <summary>
    /// Registers <see cref="ConsentCheck"/>, calling the "identity" service like every Llo gRPC client
    /// (<see cref="LloGrpcClients.AddLloGrpcClient{TClient}"/>); the check is a read, so it is retried on Unavailable.
    /// </summary>
    public static IServiceCollection AddLloConsentCheck(this IServiceCollection services, Action<LloGrpcClientOptions>? configure = null)
    {
        services.AddLloGrpcClient<Consents.ConsentsClient>("identity", options =>
        {
            options.RetryAlso.Add(nameof(Consents.ConsentsClient.CheckConsent));
            configure?.Invoke(options);
        });
        services.AddScoped<ConsentCheck>();
        return services;
    }
}

using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Llo.GrpcClients;

public static class LloGrpcClients
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a client generated from another service's contract) to call
    /// <paramref name="service"/> (its app host name, e.g. "inventory") over h2c through service discovery, with a
    /// default deadline, the caller's correlation id and trace, and retries on <c>Unavailable</c> for reads only.
    /// Inject <typeparamref name="TClient"/> where it is needed.
    /// </summary>
    public static IHttpClientBuilder AddLloGrpcClient<TClient>(
        this IServiceCollection services, string service, Action<LloGrpcClientOptions>? configure = null)
        where TClient : ClientBase
    {
        var options = new LloGrpcClientOptions();
        configure?.Invoke(options);
        var descriptor = ReadMethods.ServiceOf(typeof(TClient));
        var retried = descriptor.Methods.Where(method => ReadMethods.IsRead(method) || options.RetryAlso.Contains(method.Name)).ToList();
        var unknown = options.RetryAlso.Except(descriptor.Methods.Select(method => method.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{descriptor.FullName} has no method {string.Join(", ", unknown)} to retry.", nameof(configure));
        }

        services.AddHttpContextAccessor();
        var builder = services
            .AddGrpcClient<TClient>(client => client.Address = options.Address ?? new Uri($"http://_grpc.{service}"))
            .AddInterceptor(provider => new OutgoingCallInterceptor(options.Deadline, provider.GetRequiredService<IHttpContextAccessor>()))
            .ConfigureChannel(channel => channel.ServiceConfig = RetryReads(descriptor.FullName, retried.Select(m => m.Name), options.MaxAttempts));

        // The service defaults give every HttpClient a resilience handler that repeats failed requests whatever they
        // do, and timeouts of its own. gRPC retries below (per method, by status) and the deadline replace both.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental.
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.AddServiceDiscovery();
        return builder;
    }

    private static ServiceConfig RetryReads(string service, IEnumerable<string> methods, int maxAttempts)
    {
        var config = new ServiceConfig();
        var names = methods.Select(method => new MethodName { Service = service, Method = method }).ToList();
        if (names.Count == 0 || maxAttempts < 2)
        {
            return config;
        }
        var retry = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = maxAttempts,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var name in names)
        {
            retry.Names.Add(name);
        }
        config.MethodConfigs.Add(retry);
        return config;
    }
}

using Llo.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Llo.Messaging.Privacy;

public static class PersonalDataOwnerRegistration
{
    /// <summary>
    /// The configuration key that overrides the service name given in code. Only tests set it: hosts that share one
    /// broker each take their own privacy queues and answer under their own name, so they never take each other's requests.
    /// </summary>
    public const string ServiceNameKey = "Llo:Privacy:Service";

    /// <summary>
    /// Answers identity's export and erasure requests with <typeparamref name="TOwner"/>: consumes
    /// <see cref="PersonalDataExportRequested"/> from <c>&lt;service&gt;.privacy-export-requests</c> and
    /// <see cref="ErasureRequested"/> from <c>&lt;service&gt;.privacy-erasure-requests</c>, and publishes
    /// <see cref="PersonalDataExported"/> / <see cref="ErasureConfirmed"/> under <paramref name="service"/> through the
    /// outbox (so the service must call <see cref="LloMessagingBuilder.UseOutbox"/>). <paramref name="service"/> is the
    /// app host name, the one the app host lists in identity's <c>Llo:Privacy:Services</c>.
    /// </summary>
    public static LloMessagingBuilder AddPersonalDataOwner<TOwner>(this LloMessagingBuilder messaging, string service)
        where TOwner : class, IPersonalDataOwner
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var name = messaging.PrivacyServiceName(service);

        messaging.Services.TryAddScoped<TOwner>();
        messaging.Services.AddSingleton(new PersonalDataService(name));
        return messaging
            .AddHandler<PersonalDataExportRequested, PersonalDataRequestHandler<TOwner>>($"{name}.privacy-export-requests")
            .AddHandler<ErasureRequested, PersonalDataRequestHandler<TOwner>>($"{name}.privacy-erasure-requests");
    }

    /// <summary>
    /// The name <paramref name="service"/> uses for its privacy queues and answers: itself, unless
    /// <see cref="ServiceNameKey"/> overrides it (tests). Identity uses it for the queues its answers arrive on.
    /// </summary>
    public static string PrivacyServiceName(this LloMessagingBuilder messaging, string service) =>
        messaging.Configuration?[ServiceNameKey] is { Length: > 0 } overridden ? overridden : service;
}

using Llo.Contracts.Events;
using Llo.Messaging;
using Llo.Messaging.Privacy;

namespace Llo.Identity.Api.Rights;

/// <summary>The wiring of people's rights in identity: requests, their housekeeping, the services' answers, consents.</summary>
public static class PeoplesRights
{
    public static WebApplicationBuilder AddPeoplesRights(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacySettings>().BindConfiguration(PrivacySettings.SectionName);
        builder.Services.AddSingleton<PrivacyRequestStore>();
        builder.Services.AddSingleton<Consents.ConsentStore>();
        builder.Services.AddHostedService<PrivacyRequestHousekeeping>();
        return builder;
    }

    /// <summary>The queues the services' answers arrive on: <c>identity.privacy-exports</c>, <c>identity.privacy-erasures</c>.</summary>
    public static LloMessagingBuilder AddPrivacyAnswers(this LloMessagingBuilder messaging)
    {
        var name = messaging.PrivacyServiceName(IdentityPersonalData.Service);
        return messaging
            .AddHandler<PersonalDataExported, PrivacyAnswerHandler>($"{name}.privacy-exports")
            .AddHandler<ErasureConfirmed, PrivacyAnswerHandler>($"{name}.privacy-erasures");
    }
}

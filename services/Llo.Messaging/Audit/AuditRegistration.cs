using Llo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llo.Messaging.Audit;

public static class AuditRegistration
{
    /// <summary>
    /// Registers <see cref="AuditTrail"/> for a service that publishes (call after <see cref="LloMessagingBuilder.UseOutbox"/>):
    /// entries go into the outbox database and name <paramref name="service"/>, by default the service of its
    /// <see cref="LloApi"/>.
    /// </summary>
    public static LloMessagingBuilder UseAudit(this LloMessagingBuilder messaging, string? service = null)
    {
        messaging.Services.AddHttpContextAccessor();
        messaging.Services.AddSingleton(sp => new AuditTrail(
            service ?? sp.GetService<LloApi>()?.Service
                ?? throw new InvalidOperationException("UseAudit needs the service name: pass it, or call AddLloApi first."),
            sp.GetService<MessagingDatabase>()?.DataSource
                ?? throw new InvalidOperationException("UseAudit records through the outbox: call UseOutbox() first."),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(),
            sp.GetRequiredService<ILogger<AuditTrail>>()));
        return messaging;
    }
}

using Microsoft.Extensions.Options;

namespace Llo.Identity.Api.Audit;

public static class AuditLogRegistration
{
    /// <summary>
    /// The audit log's settings (refused at start when the retention is under <see cref="AuditOptions.MinimumRetention"/>)
    /// its retention job and the witness of its head outside the database. Call after AddLloSchema: the job's first run needs the tables.
    /// </summary>
    public static WebApplicationBuilder AddAuditLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName)
            .Validate(o => o.Retention >= AuditOptions.MinimumRetention,
                $"{AuditOptions.SectionName}:Retention must be at least {AuditOptions.MinimumRetention.TotalDays} days: audit entries are kept at least six months.")
            .Validate(o => o.RetentionInterval > TimeSpan.Zero && o.RetentionBatchSize > 0 && o.WitnessInterval > TimeSpan.Zero,
                $"{AuditOptions.SectionName}:RetentionInterval, RetentionBatchSize and WitnessInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AuditRetention>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AuditRetention>());
        builder.Services.AddSingleton<AuditWitness>();
        builder.Services.AddHostedService<AuditWitnessJob>();
        return builder;
    }
}

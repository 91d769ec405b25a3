using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Llo.Persistence;

public static class SchemaRegistration
{
    /// <summary>
    /// Applies the embedded <c>Schema/*.sql</c> scripts of the <paramref name="service"/> assembly (after those of
    /// <paramref name="shared"/>, e.g. <c>MessagingSchema.Assembly</c>) to the service's <c>NpgsqlDataSource</c> at
    /// start, with a readiness check named <c>schema</c> that turns healthy when all are applied. Register it before
    /// any hosted service that needs the tables.
    /// </summary>
    public static IHostApplicationBuilder AddLloSchema(this IHostApplicationBuilder builder, Assembly service, params Assembly[] shared)
    {
        Rows.Configure();
        builder.Services.AddSingleton(SchemaPlan.For(service, shared));
        builder.Services.AddSingleton<SchemaReadiness>();
        builder.Services.AddHealthChecks().AddCheck<SchemaReadiness>("schema");
        builder.Services.AddHostedService<SchemaInitializer>();
        return builder;
    }
}

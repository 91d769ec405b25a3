using Llo.Hosting;
using Llo.Identity.Api.Accounts;
using Llo.Identity.Api.Audit;
using Llo.Identity.Api.Clients;
using Llo.Identity.Api.Consents;
using Llo.Identity.Api.Guardianships;
using Llo.Identity.Api.Invitations;
using Llo.Identity.Api.Oidc;
using Llo.Identity.Api.Organisations;
using Llo.Identity.Api.Rights;
using Llo.Identity.Api.Seed;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Llo.Persistence;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Llo.Identity.Api;

/// <summary>The identity service's wiring, shared by Program and the tests that host it on real ports.</summary>
public static class IdentityApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddLloApi(IdentityApi.Definition);
        builder.AddNpgsqlDataSource("identity-db");
        builder.AddLloMessaging().UseOutbox().UseAudit().AddPrivacyAnswers()
            .AddHandler<Llo.Contracts.Events.AuditRecorded, AuditRecordedHandler>(AuditRecordedHandler.QueueName(builder.Configuration));

        // Hosted services start in this order: the schema first, then the clients and demo users that need it.
        builder.AddLloSchema(typeof(IdentityApp).Assembly, MessagingSchema.Assembly);
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddScoped<ClientSeeder>();
        builder.AddAuditLog();

        builder.AddOidcServer();
        builder.Services.AddSingleton<PasswordHasher<StoredUser>>();
        builder.Services.AddSingleton<PasswordCheck>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<OrganisationStore>();
        builder.Services.AddSingleton<InvitationStore>();
        builder.Services.AddSingleton<GuardianshipStore>();
        builder.AddPeoplesRights();

        // Behind the gateway the browser's host and scheme arrive as X-Forwarded-Host/Proto (from the loopback proxy,
        // trusted by default), so the discovery document and the login redirects name the gateway.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.MapDefaultEndpoints();
        app.MapAuthorizationEndpoint();
        app.MapTokenEndpoint();
        app.MapSessionEndpoints();
        app.MapLoginPage();
        app.MapLloApi(api =>
        {
            api.MapGrpcService<OrganisationService>();
            api.MapGrpcService<UserService>();
            api.MapGrpcService<InvitationService>();
            api.MapGrpcService<ClientService>();
            api.MapGrpcService<PrivacyRequestService>();
            api.MapGrpcService<ConsentService>();
            api.MapGrpcService<GuardianshipService>();
            api.MapGrpcService<AuditService>();
        });
        // After MapLloApi's middleware, so a 401/403 of the API is answered in the one error shape.
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

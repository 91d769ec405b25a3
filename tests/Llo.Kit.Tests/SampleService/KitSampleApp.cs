using Llo.Hosting;
using Llo.Messaging;
using Llo.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using V1 = Llo.Kit.Tests.SampleService.V1;

namespace Llo.Kit.Tests.SampleService;

/// <summary>The sample service's composition root: everything but its one feature comes from the kit.</summary>
public static class KitSampleApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddLloApi(new LloApi("kitsample", "Llo kit sample")
            .Require(V1.NoteFields.Descriptor, "title")
            .Policy(NotePolicies.Write, roles: NotePolicies.Writers, scope: NotePolicies.WriteScope));
        builder.AddNpgsqlDataSource("kitsample-db");
        builder.AddLloMessaging().UseOutbox();
        builder.AddLloSchema(typeof(KitSampleApp).Assembly, MessagingSchema.Assembly);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapLloApi(api => api.MapGrpcService<NoteService>());
        return app;
    }
}

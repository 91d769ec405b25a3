using Llo.Identity.Api;
using Microsoft.Extensions.Options;

namespace Llo.Identity.Tests.Audit;

/// <summary>Audit entries are kept at least six months: a shorter retention stops the service at start.</summary>
public sealed class AuditRetentionSettingTests
{
    [Fact]
    public async Task A_retention_under_183_days_is_refused_at_start_naming_the_setting()
    {
        var app = IdentityApp.Build([
            "--ConnectionStrings:identity-db=Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            "--ConnectionStrings:messaging=amqp://127.0.0.1:1",
            "--Identity:Audit:Retention=182.00:00:00",
            "--Kestrel:Endpoints:http:Url=http://127.0.0.1:0",
            "--Kestrel:Endpoints:grpc:Url=http://127.0.0.1:0",
        ]);
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Identity:Audit:Retention", error.Message);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}

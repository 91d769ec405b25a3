using System.Net;
using System.Net.Http.Headers;
using Grpc.AspNetCore.Server;
using Llo.Hosting;
using Llo.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Llo.Identity.Tests;

/// <summary>
/// The identity API is guarded the way every service is: policies declared on the kit's <see cref="LloApi"/>, checked by
/// the kit's token validation, but with the service's own signing keys instead of a network call to itself.
/// </summary>
public sealed class IdentityAccessTests(IdentityHost host) : IClassFixture<IdentityHost>
{
    private const string Org1 = "11111111-1111-4111-8111-111111111111";

    [Fact]
    public void Every_identity_API_method_names_one_policy_the_kit_declares_or_is_explicitly_anonymous()
    {
        var declared = host.Services.GetRequiredService<LloApi>().Policies.Select(p => p.Name).ToHashSet();
        var methods = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName.StartsWith("llo.identity.v1.", StringComparison.Ordinal) == true)
            .GroupBy(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()!.Method.FullName)
            .ToList();
        Assert.True(methods.Count >= 20, $"Only {methods.Count} methods found");

        var wrong = methods
            .Select(method => (Name: method.Key,
                Anonymous: method.All(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null),
                Policies: method.SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>()).Select(a => a.Policy ?? "(geen naam)").Distinct().ToList()))
            .Where(m => !m.Anonymous && (m.Policies.Count != 1 || !declared.Contains(m.Policies[0])))
            .Select(m => $"{m.Name}: [{string.Join(", ", m.Policies)}]")
            .ToList();
        Assert.True(wrong.Count == 0, "Each method needs one policy declared on the kit's LloApi, or [AllowAnonymous]:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_token_signed_by_the_configured_authority_but_not_by_this_service_is_refused_with_401()
    {
        // The host's Llo:Identity:Authority is a test issuer with keys of its own: the identity service must not trust them.
        var forged = host.Issuer.Token(TestToken.User("identity", Guid.Parse(Org1), "operator") with { Issuer = IdentityHost.PublicIssuer });

        using var response = await host.JsonWith(forged).GetAsync("/api/identity/v1/organisations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(16, (await IdentityHost.BodyAsync(response)).GetProperty("code").GetInt32());
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_administrator_needs_the_write_scope_but_reading_organisations_needs_only_the_read_scope()
    {
        using var readOnly = await AsAsync("operator@demo1.llo.test", "openid identity.read");
        using var writing = await AsAsync("operator@demo1.llo.test", "openid identity.write");

        using var refused = await readOnly.GetAsync("/api/identity/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(7, (await IdentityHost.BodyAsync(refused)).GetProperty("code").GetInt32());
        await IdentityHost.SuccessAsync(await writing.GetAsync("/api/identity/v1/users"));
        await IdentityHost.SuccessAsync(await readOnly.GetAsync("/api/identity/v1/organisations"));
    }

    private async Task<HttpClient> AsAsync(string user, string scope)
    {
        var token = await host.PasswordTokenAsync(user, scope);
        var client = new HttpClient { BaseAddress = host.Json.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }
}

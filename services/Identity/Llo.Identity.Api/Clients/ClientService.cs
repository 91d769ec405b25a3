using System.Security.Cryptography;
using Grpc.Core;
using Llo.Identity.Api.Access;
using Llo.Identity.Api.Audit;
using Llo.Messaging.Audit;
using Llo.Hosting.Access;
using Llo.Identity.Api.Oidc;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Clients;

/// <summary>
/// The partner systems of the caller's organisation: client-credentials clients in OpenIddict's store, their
/// organisation in the application's properties. A new client's secret is shown once; OpenIddict keeps only a hash.
/// </summary>
[Authorize(Policy = IdentityPolicies.Administrator)]
public sealed class ClientService(IOpenIddictApplicationManager applications, AuditTrail audit) : V1.ClientService.ClientServiceBase
{
    public override async Task<V1.ListClientsResponse> ListClients(V1.ListClientsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var organisation = context.Caller().RequireOrganisation();
        var response = new V1.ListClientsResponse();
        // A handful of clients per organisation: reading them all and filtering here is cheaper than a JSON query.
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            var clientId = await applications.GetClientIdAsync(application, ct);
            if (clientId is not null && await ClientOrganisation.FindAsync(applications, clientId, ct) == organisation)
            {
                response.Clients.Add(await ToContractAsync(application, clientId, organisation, ct));
            }
        }

        // A client's display name is free text an administrator typed (it may name a contact person).
        if (response.Clients.Count > 0)
        {
            await audit.RecordReadAsync(context.Caller(), IdentityAudit.Clients(response.Clients.Count), ct);
        }

        return response;
    }

    public override async Task<V1.CreatedClient> CreateClient(V1.CreateClientRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var organisation = context.Caller().RequireOrganisation();
        var violations = new FieldViolations();
        if (request.Client is null)
        {
            violations.Add("client", "De client ontbreekt.").ThrowIfAny();
        }

        var name = TextField.Check(request.Client!.DisplayName, "client.displayName", "De naam", 200, required: true, violations);
        var scopes = request.Client.Scopes.Select(scope => scope.Trim()).Distinct().ToList();
        if (scopes.Count == 0)
        {
            violations.Add("client.scopes", $"Geef minstens één scope; mogelijk: {string.Join(", ", LloScopes.ServiceScopes)}.");
        }

        for (var index = 0; index < request.Client.Scopes.Count; index++)
        {
            if (!LloScopes.ServiceScopes.Contains(request.Client.Scopes[index].Trim()))
            {
                violations.Add($"client.scopes[{index}]",
                    $"Onbekende scope \"{Echo.Of(request.Client.Scopes[index])}\"; mogelijk: {string.Join(", ", LloScopes.ServiceScopes)}.");
            }
        }

        violations.ThrowIfAny();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = $"partner-{Guid.NewGuid():N}",
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = name,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[ClientOrganisation.Property] = ClientOrganisation.Value(organisation);
        var application = await applications.CreateAsync(descriptor, ct);
        return new V1.CreatedClient
        {
            Client = await ToContractAsync(application, descriptor.ClientId, organisation, ct),
            ClientSecret = secret,
        };
    }

    private async Task<V1.Client> ToContractAsync(object application, string clientId, Guid organisationId, CancellationToken ct)
    {
        var client = new V1.Client
        {
            ClientId = clientId,
            OrganisationId = organisationId.ToString("D"),
            Fields = new V1.ClientFields { DisplayName = await applications.GetDisplayNameAsync(application, ct) ?? "" },
        };
        client.Fields.Scopes.AddRange((await applications.GetPermissionsAsync(application, ct))
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..]));
        return client;
    }
}

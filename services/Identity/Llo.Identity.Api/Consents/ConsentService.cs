using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Identity.Api.Access;
using Llo.Identity.Api.Audit;
using Llo.Identity.Api.Guardianships;
using Llo.Messaging;
using Llo.Messaging.Audit;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Consents;

/// <summary>
/// The consent registry. A person gives and withdraws consent for themself; a parent for their child under 16 (the
/// consent records that a parent gave it, and who); a privacy-officer reads everyone's. Services ask
/// <see cref="CheckConsent"/> before optional sharing. A parent acts for a child only with a guardianship
/// (<see cref="GuardianshipService"/>), and sees and withdraws only the consents they gave.
/// </summary>
public sealed class ConsentService(NpgsqlDataSource dataSource, ConsentStore consents, AuditTrail audit, TimeProvider time)
    : V1.Consents.ConsentsBase
{
    public const int ChildAgeLimit = 16;
    public static readonly Resource Consent = new("Toestemming", "de", "toestemming-id");
    private static readonly Resource Person = new("Persoon", "de", "persoon-id");
    private static readonly PageLimits Limits = new(Default: 50, Max: 200);

    [Authorize(Policy = IdentityPolicies.PersonWrite)]
    public override async Task<V1.Consent> CreateConsent(V1.CreateConsentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var self = caller.UserId ?? throw Caller.Denied();
        var fields = request.Consent ?? new V1.ConsentFields();
        var violations = new FieldViolations();
        var personId = fields.PersonId.Trim().Length == 0 ? self : Person.ParseId(fields.PersonId.Trim(), "consent.personId", violations);
        var forChild = personId is { } named && named != self;
        // Only a parent acts for someone else; anyone else learns nothing from the other fields.
        if (forChild && !caller.HasRole(LloRoles.Parent))
        {
            throw Caller.Denied("U geeft alleen toestemming voor uzelf, of als ouder voor uw kind.");
        }

        var purpose = ConsentPurposes.Check(fields.Purpose, "consent.purpose", violations);
        var birthDate = IsoDate.Optional(fields.ChildBirthDate, "consent.childBirthDate", violations);
        var today = DutchTime.Today(time);
        if (forChild && birthDate is null && fields.ChildBirthDate.Trim().Length == 0)
        {
            violations.Add("consent.childBirthDate", "Geef de geboortedatum van uw kind (jjjj-mm-dd).");
        }
        else if (forChild && birthDate is { } born && (born > today || born.AddYears(ChildAgeLimit) <= today))
        {
            violations.Add("consent.childBirthDate",
                $"Een ouder geeft toestemming voor een kind jonger dan {ChildAgeLimit}; vanaf {ChildAgeLimit} jaar geeft iemand zelf toestemming.");
        }
        else if (!forChild && fields.ChildBirthDate.Trim().Length > 0)
        {
            violations.Add("consent.childBirthDate", "Alleen een ouder die toestemming geeft voor een kind noemt een geboortedatum.");
        }

        violations.ThrowIfAny();

        var consent = new StoredConsent
        {
            ConsentId = Guid.CreateVersion7(), PersonId = personId!.Value, Purpose = purpose!.Code, PurposeVersion = purpose.Version,
            GivenBy = self, Relation = forChild ? StoredConsent.Parent : StoredConsent.Self, ChildBirthDate = forChild ? birthDate : null,
            GivenAt = StoredTime.Now(time), Version = 1,
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Only a registered parent (a guardianship the child's organisation keeps) consents for a child.
        if (forChild && !await GuardianshipStore.ExistsAsync(tx, self, consent.PersonId, ct))
        {
            throw Caller.Denied(
                "U staat niet als ouder van deze persoon (consent.personId) geregistreerd; vraag de organisatie van uw kind om het ouderschap vast te leggen.");
        }

        if (!await ConsentStore.InsertAsync(tx, consent, ct))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists,
                $"Er is al toestemming voor \"{purpose.Code}\"; trek die eerst in om opnieuw toestemming te geven."));
        }

        await Outbox.EnqueueAsync(tx, new ConsentGiven(consent.ConsentId, consent.PersonId, consent.Purpose, consent.PurposeVersion),
            consent.ConsentId.ToString(), consent.Version, ct);
        await audit.RecordAsync(tx, caller, IdentityAudit.Consent(AuditActions.Create, consent), ct);
        await tx.CommitAsync(ct);
        return ToContract(consent);
    }

    [Authorize(Policy = IdentityPolicies.PersonRead)]
    public override async Task<V1.ListConsentsResponse> ListConsents(V1.ListConsentsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var self = caller.UserId ?? throw Caller.Denied();
        var violations = new FieldViolations();
        var personId = request.PersonId.Trim().Length == 0 ? self : Person.ParseId(request.PersonId.Trim(), "personId", violations);
        var page = Page.Parse(request.PageSize, request.PageToken, Limits, violations, request.PersonId);
        violations.ThrowIfAny();
        // The person and the privacy-officer see every consent; a parent only those they gave for their child.
        Guid? givenBy = personId == self || caller.HasRole(LloRoles.PrivacyOfficer) ? null
            : caller.HasRole(LloRoles.Parent) ? self
            : throw Caller.Denied("U ziet alleen uw eigen toestemmingen, of als ouder die voor uw kind.");
        var result = await consents.ListAsync(personId!.Value, givenBy, page, context.CancellationToken);
        if (result.Rows.Count > 0)
        {
            await audit.RecordReadAsync(caller, IdentityAudit.Consents(result.Rows), context.CancellationToken);
        }

        var response = new V1.ListConsentsResponse { TotalSize = result.Total, NextPageToken = page.NextToken(result.Rows.Count, result.Total) };
        response.Consents.AddRange(result.Rows.Select(ToContract));
        return response;
    }

    [Authorize(Policy = IdentityPolicies.PersonRead)]
    public override async Task<V1.Consent> GetConsent(V1.GetConsentRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = Consent.ParseId(request.Id);
        var consent = await consents.FindAsync(id, context.CancellationToken) ?? throw Consent.NotFound(id);
        if (!MayRead(caller, consent))
        {
            throw Caller.Denied("Deze toestemming gaat niet over u en u gaf haar niet.");
        }

        await audit.RecordReadAsync(caller, IdentityAudit.Consent(AuditActions.Read, consent), context.CancellationToken);
        return ToContract(consent);
    }

    [Authorize(Policy = IdentityPolicies.PersonWrite)]
    public override async Task<V1.Consent> WithdrawConsent(V1.WithdrawConsentRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caller = context.Caller();
        var id = Consent.ParseId(request.Id);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await ConsentStore.LockAsync(tx, id, ct) ?? throw Consent.NotFound(id);
        if (caller.UserId is not { } self || (current.PersonId != self && current.GivenBy != self))
        {
            throw Caller.Denied("Alleen de persoon zelf, of de ouder die de toestemming gaf, trekt haar in.");
        }

        Consent.RequireVersion(request.Version);
        if (current.Version != request.Version)
        {
            throw Consent.Stale(request.Version, current.Version);
        }

        if (current.WithdrawnAt is not null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "Deze toestemming is al ingetrokken."));
        }

        var withdrawn = current with { WithdrawnAt = StoredTime.Now(time), Version = current.Version + 1 };
        await ConsentStore.WithdrawAsync(tx, withdrawn, ct);
        await Outbox.EnqueueAsync(tx, new ConsentWithdrawn(withdrawn.ConsentId, withdrawn.PersonId, withdrawn.Purpose),
            withdrawn.ConsentId.ToString(), withdrawn.Version, ct);
        await audit.RecordAsync(tx, caller, IdentityAudit.Consent(AuditActions.Update, withdrawn), ct);
        await tx.CommitAsync(ct);
        return ToContract(withdrawn);
    }

    [Authorize(Policy = IdentityPolicies.Reader)]
    public override Task<V1.ListConsentPurposesResponse> ListConsentPurposes(V1.ListConsentPurposesRequest request, ServerCallContext context)
    {
        var response = new V1.ListConsentPurposesResponse();
        response.Purposes.AddRange(ConsentPurposes.All.Select(p => new V1.ConsentPurpose
        {
            Code = p.Code, Version = p.Version, Title = p.Title, Description = p.Description,
        }));
        return Task.FromResult(response);
    }

    /// <summary>Any caller with an identity scope may ask: the services ask about the people whose data they would share.</summary>
    [Authorize(Policy = IdentityPolicies.Reader)]
    public override async Task<V1.CheckConsentResponse> CheckConsent(V1.CheckConsentRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var personId = Person.ParseId(request.PersonId.Trim(), "personId", violations);
        var purpose = ConsentPurposes.Check(request.Purpose, "purpose", violations);
        violations.ThrowIfAny();
        var consent = await consents.FindNotWithdrawnAsync(personId!.Value, purpose!.Code, context.CancellationToken);
        await audit.RecordReadAsync(context.Caller(),
            IdentityAudit.ConsentCheck(personId.Value, purpose.Code, consent is { InForce: true } ? consent.ConsentId : null), context.CancellationToken);
        return consent is { InForce: true }
            ? new V1.CheckConsentResponse { Granted = true, ConsentId = consent.ConsentId.ToString("D"), GivenAt = Timestamp.FromDateTimeOffset(consent.GivenAt) }
            : new V1.CheckConsentResponse { Granted = false };
    }

    private static bool MayRead(Caller caller, StoredConsent consent) =>
        caller.HasRole(LloRoles.PrivacyOfficer) || caller.UserId is { } self && (consent.PersonId == self || consent.GivenBy == self);

    public static V1.Consent ToContract(StoredConsent consent) => new()
    {
        Id = consent.ConsentId.ToString("D"),
        PersonId = consent.PersonId.ToString("D"),
        Purpose = consent.Purpose,
        PurposeVersion = consent.PurposeVersion,
        GivenBy = consent.GivenBy.ToString("D"),
        Relation = consent.Relation,
        ChildBirthDate = consent.ChildBirthDate is { } born ? IsoDate.Format(born) : "",
        GivenAt = Timestamp.FromDateTimeOffset(consent.GivenAt),
        WithdrawnAt = consent.WithdrawnAt is { } withdrawn ? Timestamp.FromDateTimeOffset(withdrawn) : null,
        InForce = consent.InForce,
        Version = consent.Version,
    };
}

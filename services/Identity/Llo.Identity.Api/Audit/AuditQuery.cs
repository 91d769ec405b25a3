using System.Globalization;
using Llo.Messaging.Audit;
using Llo.Persistence;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Audit;

/// <summary>The privacy officer's filters on the audit log, checked and turned into one <see cref="ListQuery"/>.</summary>
public sealed record AuditQuery(
    string? SubjectId, string? Actor, Guid? Organisation, string? Service, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    public static AuditQuery Parse(V1.ListAuditEntriesRequest request, FieldViolations violations)
    {
        var subject = Id(request.SubjectId, "subjectId", violations);
        var actor = Id(request.Actor, "actor", violations);
        Guid? organisation = null;
        if (!string.IsNullOrWhiteSpace(request.OrganisationId))
        {
            organisation = Guid.TryParse(request.OrganisationId.Trim(), out var id) ? id : null;
            if (organisation is null) violations.Add("organisationId", "Geen geldige organisatie-id (een uuid).");
        }

        var service = Id(request.Service, "service", violations);
        string? action = null;
        if (!string.IsNullOrWhiteSpace(request.Action))
        {
            action = request.Action.Trim();
            if (!AuditActions.All.Contains(action))
            {
                violations.Add("action", $"Onbekende actie \"{Echo.Of(action)}\". Kies uit: {string.Join(", ", AuditActions.All)}.");
            }
        }

        var from = Instant(request.From, "from", violations);
        var to = Instant(request.To, "to", violations);
        if (from is not null && to is not null && to <= from)
        {
            violations.Add("to", "Het einde (to) ligt na het begin (from).");
        }

        return new AuditQuery(subject, actor, organisation, service, action, from, to);
    }

    /// <summary>Everything that defines the result list, for the page token.</summary>
    public string Fingerprint() => string.Join("\u001f", SubjectId, Actor, Organisation, Service, Action,
        From?.ToString("O", CultureInfo.InvariantCulture), To?.ToString("O", CultureInfo.InvariantCulture));

    public ListQuery ToList()
    {
        var list = new ListQuery("audit_entries");
        if (SubjectId is not null) list.Filter("subject_ids @> ARRAY[@subject]::text[]", "subject", SubjectId);
        if (Actor is not null) list.Filter("actor = @actor", "actor", Actor);
        if (Organisation is not null) list.Filter("actor_organisation = @organisation", "organisation", Organisation.Value);
        if (Service is not null) list.Filter("service = @service", "service", Service);
        if (Action is not null) list.Filter("action = @action", "action", Action);
        if (From is not null) list.Filter("occurred_at >= @from", "from", From.Value);
        if (To is not null) list.Filter("occurred_at < @to", "to", To.Value);
        return list;
    }

    private static string? Id(string text, string field, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (!AuditIds.IsId(value))
        {
            violations.Add(field, $"Geen geldige id: letters, cijfers en . _ : / - (hoogstens {AuditIds.MaxLength} tekens).");
            return null;
        }

        return value;
    }

    /// <summary>An RFC 3339 instant, or a date taken as midnight in the Netherlands.</summary>
    private static DateTimeOffset? Instant(string text, string field, FieldViolations violations)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (IsoDate.TryParse(value) is { } date) return DutchTime.At(date, TimeOnly.MinValue);
        if (value.Length >= 20 && value.Contains('T')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        violations.Add(field, $"Geen geldig tijdstip \"{Echo.Of(value)}\": gebruik JJJJ-MM-DD of bv. 2026-12-01T09:30:00Z.");
        return null;
    }
}

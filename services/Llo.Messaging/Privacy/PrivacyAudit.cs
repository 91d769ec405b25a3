using System.Globalization;
using Llo.Contracts.Events;
using Llo.Messaging.Audit;

namespace Llo.Messaging.Privacy;

/// <summary>
/// The audit entry of a privacy request a service answered: the person by their user id, or, without an account, by
/// the request (<c>privacy-request/{id}/subject</c>), never by the e-mail addresses the request carries.
/// </summary>
public static class PrivacyAudit
{
    public const string ResourceType = "privacy-request";

    public static string Subject(Guid requestId, Guid? userId) =>
        userId is { } id ? id.ToString("D") : $"{ResourceType}/{requestId:D}/subject";

    public static AuditEntry Answered(string action, Guid requestId, PersonRef person, int? erasedCount = null) =>
        new(action, ResourceType, requestId.ToString("D"), [Subject(requestId, person.UserId)],
            erasedCount is { } count ? new Dictionary<string, string> { ["erased"] = count.ToString(CultureInfo.InvariantCulture) } : null);
}

using Llo.Contracts.Events;
using Llo.Hosting.Access;
using Llo.Identity.Api.Accounts;
using V1 = Llo.Contracts.Identity.V1;

namespace Llo.Identity.Api.Rights;

/// <summary>
/// Whom a privacy request is about, and whether the caller may ask: a person for themself (an empty request, or naming
/// only their own id and address), a privacy-officer for anyone (a user id and/or e-mail addresses). The answer names
/// the person by their account id when they have one and by every address the platform may know them by.
/// </summary>
public static class PrivacySubject
{
    public const int MaxEmailAddresses = 10;

    public static async Task<PersonRef> ResolveAsync(
        V1.PrivacyRequestSubject request, Caller caller, UserStore users, CancellationToken ct)
    {
        var self = caller.UserId is { } callerId
            ? await users.FindAsync(callerId, ct)
            : null;
        var officer = caller.HasRole(LloRoles.PrivacyOfficer);
        var named = request.UserId.Trim();
        var emails = request.EmailAddresses.Select(e => e.Trim()).ToList();

        // A person asking about anyone but themself learns nothing, not even whether the address is well-formed.
        if (!officer && !(NamesOnly(self, named, emails)))
        {
            throw Caller.Denied("U kunt alleen voor uzelf een verzoek doen; een privacyfunctionaris doet dat voor een ander.");
        }

        if (named.Length == 0 && emails.Count == 0)
        {
            if (self is null)
            {
                throw Caller.Denied("Een verzoek voor uzelf vraagt een account; noem als privacyfunctionaris de persoon.");
            }

            return new PersonRef(self.UserId, [self.Email.ToLowerInvariant()]);
        }

        var violations = new FieldViolations();
        var userId = named.Length == 0 ? null : UserService.User.ParseId(named, "userId", violations);
        if (ListField.Max(emails.Count, MaxEmailAddresses, "emailAddresses", "e-mailadressen", violations))
        {
            for (var i = 0; i < emails.Count; i++)
            {
                if (!EmailAddress.IsValid(emails[i]))
                {
                    violations.Add($"emailAddresses[{i}]", EmailAddress.Invalid);
                }
            }
        }

        violations.ThrowIfAny();
        var addresses = emails.Select(e => e.ToLowerInvariant()).ToHashSet();
        StoredUser? account = null;
        if (userId is { } id)
        {
            account = await users.FindAsync(id, ct) ?? throw UserService.User.NotFound(id);
        }
        else
        {
            var owners = new Dictionary<Guid, StoredUser>();
            foreach (var address in addresses)
            {
                if (await users.FindByEmailAsync(address, ct) is { } owner)
                {
                    owners[owner.UserId] = owner;
                }
            }

            if (owners.Count > 1)
            {
                new FieldViolations().Add("emailAddresses", "De adressen horen bij verschillende accounts; doe per persoon een verzoek.").ThrowIfAny();
            }

            account = owners.Values.SingleOrDefault();
        }

        if (account is not null)
        {
            addresses.Add(account.Email.ToLowerInvariant());
        }

        return new PersonRef(account?.UserId, [.. addresses.Order(StringComparer.Ordinal)]);
    }

    private static bool NamesOnly(StoredUser? self, string userId, IReadOnlyList<string> emails) =>
        self is not null
        && (userId.Length == 0 || Guid.TryParse(userId, out var id) && id == self.UserId)
        && emails.All(e => string.Equals(e, self.Email, StringComparison.OrdinalIgnoreCase));
}

using Llo.Contracts.Events;
using Npgsql;

namespace Llo.Messaging.Privacy;

/// <summary>
/// A service's own answer to people's rights: what it holds about a person, and erasing it. Every service that holds
/// personal data implements it from its first version and registers it with
/// <see cref="PersonalDataOwnerRegistration.AddPersonalDataOwner{TOwner}"/>; the kit then answers identity's export and
/// erasure requests with it. Both methods work on the service's own tables inside <paramref name="tx"/>, the transaction
/// that also records the request as handled and publishes the answer: they must not commit it, and must let a database
/// error out (the request is then retried).
/// </summary>
public interface IPersonalDataOwner
{
    /// <summary>
    /// Everything the service holds about <paramref name="person"/>, as an object that serialises to a JSON object
    /// (camelCase); an empty object or empty lists when it holds nothing.
    /// </summary>
    Task<object> ExportAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct);

    /// <summary>
    /// Erases (deletes or anonymises) what the service holds about <paramref name="person"/>; returns how many records
    /// it changed (0 when it held nothing, also when a repeated request finds nothing left).
    /// </summary>
    Task<int> EraseAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct);
}

using Llo.Contracts.Events;
using Llo.Messaging;
using Llo.Messaging.Privacy;
using Llo.Persistence;
using Npgsql;

namespace Llo.Inventory.Api.Privacy;

/// <summary>
/// What the inventory holds about a person: a project's contact person and a desk question's contact, both found by
/// e-mail address (nobody needs an account for either). Erasure keeps the project (its contact keeps only the
/// organisation and role, as without consent, and the change is published like any project update) and removes a desk
/// question's contact details; the question itself stays for the desk's work.
/// </summary>
public sealed class InventoryPersonalData(TimeProvider time) : IPersonalDataOwner
{
    public const string Service = "inventory";

    public async Task<object> ExportAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct)
    {
        var emails = person.EmailAddresses.ToArray();
        var projects = await Rows.QueryAsync<ProjectContactRow>(tx.Connection!, tx,
            """
            SELECT id, title, contact->>'organisation' AS organisation, contact->>'role' AS role,
                   contact->>'name' AS name, contact->>'email' AS email, contact->>'phone' AS phone
            FROM projects WHERE lower(contact->>'email') = ANY (@emails) ORDER BY created_at, id
            """, new { emails }, ct);
        var questions = await Rows.QueryAsync<DeskContactRow>(tx.Connection!, tx,
            """
            SELECT id, topic, question, status, answer, submitted_at, contact_name, contact_email, contact_phone
            FROM desk_questions WHERE lower(contact_email) = ANY (@emails) ORDER BY submitted_at, id
            """, new { emails }, ct);
        return new
        {
            projectContacts = projects.Select(p => new
            {
                projectId = p.Id, projectTitle = p.Title, organisation = p.Organisation, role = p.Role,
                name = p.Name, email = p.Email, phone = p.Phone,
            }),
            deskQuestions = questions.Select(q => new
            {
                questionId = q.Id, topic = q.Topic, question = q.Question, status = q.Status, answer = q.Answer, submittedAt = q.SubmittedAt,
                contact = new { name = q.ContactName, email = q.ContactEmail, phone = q.ContactPhone },
            }),
        };
    }

    public async Task<int> EraseAsync(PersonRef person, NpgsqlTransaction tx, CancellationToken ct)
    {
        var emails = person.EmailAddresses.ToArray();
        var now = StoredTime.Now(time);
        // The contact keeps what is kept without consent (ProjectContact.WithoutPerson): organisation and role.
        var projects = await Rows.QueryAsync<ErasedProject>(tx.Connection!, tx,
            """
            UPDATE projects SET contact = jsonb_build_object('organisation', contact->'organisation', 'role', contact->'role', 'consent', false),
                   version = version + 1, updated_at = @now
            WHERE lower(contact->>'email') = ANY (@emails)
            RETURNING id, version
            """, new { emails, now }, ct);
        foreach (var project in projects)
        {
            await Outbox.EnqueueAsync(tx, new ProjectUpdated(project.Id, project.Version, ["contact"]), project.Id.ToString(), project.Version, ct);
        }

        var questions = await Rows.ExecuteAsync(tx,
            """
            UPDATE desk_questions SET contact_consent = false, contact_name = NULL, contact_email = NULL, contact_phone = NULL
            WHERE lower(contact_email) = ANY (@emails)
            """, new { emails }, ct);
        return projects.Count + questions;
    }

    internal sealed record ProjectContactRow
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string? Organisation { get; init; }
        public string? Role { get; init; }
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
    }

    internal sealed record DeskContactRow
    {
        public Guid Id { get; init; }
        public string Topic { get; init; } = "";
        public string Question { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Answer { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string? ContactName { get; init; }
        public string? ContactEmail { get; init; }
        public string? ContactPhone { get; init; }
    }

    internal sealed record ErasedProject
    {
        public Guid Id { get; init; }
        public long Version { get; init; }
    }
}

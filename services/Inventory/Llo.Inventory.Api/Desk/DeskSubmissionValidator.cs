using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Desk;

/// <summary>
/// Checks a desk question. Contact details without consent are refused rather than silently dropped, so the
/// asker knows nothing personal was kept.
/// </summary>
public static class DeskSubmissionValidator
{
    public static DeskSubmission? Validate(V1.DeskQuestionSubmission? submission, FieldViolations violations)
    {
        const string prefix = "question";
        if (submission is null)
        {
            violations.Add(prefix, "De vraag ontbreekt.");
            return null;
        }

        var topic = TextField.Check(submission.Topic, $"{prefix}.topic", "Het onderwerp", 200, required: true, violations);
        var question = TextField.Check(submission.Question, $"{prefix}.question", "De vraag", 4000, required: true, violations);
        var municipality = RegionFields.Municipality(submission.Municipality, $"{prefix}.municipality", violations);
        var focusLine = RegionFields.FocusLine(submission.FocusLine, $"{prefix}.focusLine", violations);
        var sectorText = TextField.Filter(submission.Sector, $"{prefix}.sector", "De sector", 100, violations);
        var sector = sectorText is null ? null : Region.Sector(sectorText);
        var campus = RegionFields.Campus(submission.Campus, $"{prefix}.campus", violations);

        var contact = Contact(submission.Contact, $"{prefix}.contact", violations);
        return violations.IsEmpty
            ? new DeskSubmission(topic, question, municipality, focusLine, sector, campus, contact)
            : null;
    }

    private static DeskContactDetails? Contact(V1.DeskContact? contact, string prefix, FieldViolations violations)
    {
        if (contact is null)
        {
            return null;
        }

        var name = Blank(contact.Name);
        var email = Blank(contact.Email);
        var phone = Blank(contact.Phone);
        if (!contact.Consent)
        {
            foreach (var (field, value) in new[] { ("name", name), ("email", email), ("phone", phone) })
            {
                if (value is not null)
                {
                    violations.Add($"{prefix}.{field}",
                        "Contactgegevens worden alleen bewaard met toestemming: zet consent op true of laat dit veld leeg.");
                }
            }

            return null;
        }

        if (email is null && phone is null)
        {
            violations.Add($"{prefix}.email", "Geef een e-mailadres of telefoonnummer op, of geef geen toestemming voor contact.");
        }

        if (name is not null)
        {
            TextField.Check(name, $"{prefix}.name", "De naam", 200, required: false, violations);
        }

        return new DeskContactDetails(
            name,
            email is null ? null : EmailAddress.Optional(email, $"{prefix}.email", violations),
            phone is null ? null : PhoneNumber.Optional(phone, $"{prefix}.phone", violations));
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

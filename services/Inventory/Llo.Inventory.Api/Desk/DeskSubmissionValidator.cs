using System.Net.Mail;
using System.Text.RegularExpressions;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Domain.Projects;
using V1 = Llo.Contracts.Inventory.V1;

namespace Llo.Inventory.Api.Desk;

/// <summary>
/// Checks a desk question. Contact details without consent are refused rather than silently dropped, so the
/// asker knows nothing personal was kept.
/// </summary>
public static partial class DeskSubmissionValidator
{
    public static DeskSubmission? Validate(V1.DeskQuestionSubmission? submission, FieldViolations violations)
    {
        const string prefix = "question";
        if (submission is null)
        {
            violations.Add(prefix, "De vraag ontbreekt.");
            return null;
        }

        var topic = DeskText.Required(submission.Topic, $"{prefix}.topic", "Het onderwerp", 200, violations);
        var question = DeskText.Required(submission.Question, $"{prefix}.question", "De vraag", 4000, violations);

        string? municipality = null;
        if (!string.IsNullOrWhiteSpace(submission.Municipality) && (municipality = Region.Municipality(submission.Municipality)) is null)
        {
            violations.Add($"{prefix}.municipality",
                $"Onbekende gemeente \"{submission.Municipality}\"; kies uit {string.Join(", ", Region.Municipalities)}.");
        }

        FocusLine? focusLine = null;
        if (submission.FocusLine != V1.FocusLine.Unspecified)
        {
            if (Enum.IsDefined((FocusLine)(int)submission.FocusLine))
            {
                focusLine = (FocusLine)(int)submission.FocusLine;
            }
            else
            {
                violations.Add($"{prefix}.focusLine", "Onbekende focuslijn.");
            }
        }

        string? sector = null;
        if (!string.IsNullOrWhiteSpace(submission.Sector))
        {
            sector = Region.Sector(submission.Sector);
            if (sector.Length > 100)
            {
                violations.Add($"{prefix}.sector", "De sector is te lang (hoogstens 100 tekens).");
            }
        }

        string? campus = null;
        if (!string.IsNullOrWhiteSpace(submission.Campus) && (campus = Region.Campus(submission.Campus)) is null)
        {
            violations.Add($"{prefix}.campus", $"Onbekende campus \"{submission.Campus}\"; kies uit {string.Join(", ", Region.Campuses)}.");
        }

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

        if (name is { Length: > 200 })
        {
            violations.Add($"{prefix}.name", "De naam is te lang (hoogstens 200 tekens).");
        }

        if (email is not null && !IsEmail(email))
        {
            violations.Add($"{prefix}.email", "Geen geldig e-mailadres.");
        }

        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            violations.Add($"{prefix}.phone", "Geen geldig telefoonnummer (cijfers, spaties, +, - en haakjes; 6 tot 20 tekens).");
        }

        return new DeskContactDetails(name, email, phone);
    }

    private static bool IsEmail(string email) =>
        email.Length <= 254
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.')
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,20}$")]
    private static partial Regex PhonePattern();
}

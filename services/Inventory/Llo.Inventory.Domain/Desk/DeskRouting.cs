using System.Globalization;
using System.Text;
using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Domain.Desk;

/// <summary>Where a desk question goes: the focus line it belongs to (if any) and the role or partner that answers it.</summary>
public sealed record DeskRoute(FocusLine? FocusLine, string RoutedTo, string Reason);

/// <summary>
/// Routes LLO-desk questions the way the plan divides the work: each focus line has its project leader, and Huis naar
/// Werk is regular work of Stroomopwaarts. A question without a focus line is routed by the words it uses; when
/// those point nowhere or to several focus lines equally, the programme manager divides it.
/// </summary>
public static class DeskRouting
{
    public const string ProgrammeManager = "Programmamanager LLO";

    // Single words match a word that starts with them ("leerling" matches "leerlingen"), short ones (mbo, hr) only the
    // whole word; phrases match as a run of whole words.
    private static readonly Dictionary<FocusLine, string[]> Keywords = new()
    {
        [FocusLine.SchoolToWork] =
        [
            "school", "scholier", "leerling", "student", "stage", "stagiair", "mbo", "hbo", "vmbo", "bbl", "bol",
            "onderwijs", "campus", "gaan voor een baan", "beroepsoriëntatie", "loopbaanoriëntatie", "ouders", "jongere",
        ],
        [FocusLine.WorkToWork] =
        [
            "omscholing", "omscholen", "bijscholing", "bijscholen", "werkgever", "werknemer", "ontslag", "boventallig",
            "overstap", "van werk naar werk", "hr", "personeel", "uitlenen", "detachering", "leerwerkakkoord",
            "scholingsbudget", "stap-budget", "zij-instro", "carrièreswitch",
        ],
        [FocusLine.HomeToWork] =
        [
            "uitkering", "bijstand", "herintred", "werkloos", "werkzoekend", "participatie", "re-integratie", "reïntegratie",
            "statushouder", "inburgering", "taalles", "taalcursus", "nt2", "stroomopwaarts", "hallo werk",
            "vrijwilligerswerk", "afstand tot de arbeidsmarkt",
        ],
    };

    /// <summary>Who answers questions of <paramref name="focusLine"/>.</summary>
    public static string Owner(FocusLine focusLine) => focusLine switch
    {
        FocusLine.SchoolToWork => "Projectleider School naar Werk",
        FocusLine.WorkToWork => "Projectleider Werk naar Werk",
        FocusLine.HomeToWork => "Stroomopwaarts (Huis naar Werk)",
        _ => ProgrammeManager,
    };

    public static DeskRoute Route(FocusLine? chosen, string topic, string question)
    {
        if (chosen is { } focusLine)
        {
            return new DeskRoute(focusLine, Owner(focusLine), $"Focuslijn {Labels.Dutch(focusLine)} opgegeven.");
        }

        var text = Normalise(topic + " " + question);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = Keywords.ToDictionary(
            k => k.Key,
            k => k.Value.Where(keyword => keyword.Contains(' ')
                ? $" {text} ".Contains($" {keyword} ", StringComparison.Ordinal)
                : words.Any(w => keyword.Length <= 3 ? w == keyword : w.StartsWith(keyword, StringComparison.Ordinal))).ToList());

        var best = hits.Max(h => h.Value.Count);
        var leaders = hits.Where(h => h.Value.Count == best).ToList();
        if (best == 0 || leaders.Count > 1)
        {
            return new DeskRoute(null, ProgrammeManager, best == 0
                ? "Geen focuslijn herkend; de programmamanager verdeelt de vraag."
                : "Meerdere focuslijnen herkend; de programmamanager verdeelt de vraag.");
        }

        var (line, matched) = leaders[0];
        return new DeskRoute(line, Owner(line), $"Trefwoorden {string.Join(", ", matched)} wijzen op {Labels.Dutch(line)}.");
    }

    /// <summary>Lower case, punctuation to spaces (hyphens kept: "re-integratie"), single spaces.</summary>
    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '-' ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

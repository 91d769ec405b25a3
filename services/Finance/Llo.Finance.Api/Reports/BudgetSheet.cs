namespace Llo.Finance.Api.Reports;

/// <summary>
/// The layout of the sheet "Begroting" that the spreadsheet export writes and the import reads: the label in B1, the
/// date in B2, a header row naming the columns and the years, then one row per line with "Inkomsten" or "Uitgaven" in
/// column A. Rows with anything else in column A (totals, the balance, notes) are formulas or text the import skips:
/// totals are always computed, never read.
/// </summary>
public static class BudgetSheet
{
    public const string Name = "Begroting";
    public const int LabelRow = 1;
    public const int DateRow = 2;
    public const int HeaderRow = 5;
    public const int FirstLineRow = HeaderRow + 1;

    public const int KindColumn = 1;
    public const int IdColumn = 2;
    public const int DescriptionColumn = 3;
    public const int CategoryColumn = 4;
    public const int SourceColumn = 5;
    public const int FunderColumn = 6;
    public const int PriorityColumn = 7;
    public const int FirstYearColumn = 8;

    public static readonly string[] Headers = ["Soort", "Id", "Omschrijving", "Categorie", "Bron", "Herkomst", "Prioriteit"];

    public const string TotalHeader = "Totaal";

    /// <summary>
    /// Column A of a candidate expense line (a pilot the board scaled up) below the budget: the import skips it until
    /// someone changes it to "Uitgaven", which takes the line into the new version.
    /// </summary>
    public const string CandidateKind = "Kandidaat";

    /// <summary>A cell as a spreadsheet user names it, "H7": how an import error points at what to fix.</summary>
    public static string Cell(int row, int column) => $"{ColumnLetters(column)}{row}";

    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters;
    }
}

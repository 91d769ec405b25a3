namespace Llo.Finance.Domain.Money;

/// <summary>
/// Dutch VAT at the standard 21%. Budget amounts are excluding VAT; a report that needs the amount a payer actually
/// pays adds it here. The VAT of one amount is rounded to cents once, so a total is the sum of rounded parts (as on
/// invoices), not the VAT of the sum.
/// </summary>
public static class Vat
{
    public const decimal StandardRate = 0.21m;

    public static decimal On(decimal amountExcludingVat) => Euros.Round(amountExcludingVat * StandardRate);

    public static decimal Including(decimal amountExcludingVat) => amountExcludingVat + On(amountExcludingVat);

    /// <summary>What the amount finally costs a payer: a payer that recovers VAT bears only the amount excluding it.</summary>
    public static decimal CostTo(bool payerRecoversVat, decimal amountExcludingVat) =>
        payerRecoversVat ? amountExcludingVat : Including(amountExcludingVat);

    public static VatSummary Summarise(IEnumerable<VatPayment> payments)
    {
        var lines = payments
            .Select(p => new VatLine(p.Payer, p.VatRecoverable, p.AmountExcludingVat, On(p.AmountExcludingVat),
                Including(p.AmountExcludingVat), CostTo(p.VatRecoverable, p.AmountExcludingVat)))
            .ToList();
        return new VatSummary(
            lines,
            lines.Sum(l => l.AmountExcludingVat),
            lines.Sum(l => l.VatAmount),
            lines.Sum(l => l.AmountIncludingVat),
            lines.Sum(l => l.CostToPayer));
    }
}

/// <summary>An amount excluding VAT that a payer is invoiced, and whether that payer can recover (reclaim) the VAT.</summary>
public sealed record VatPayment(string Payer, bool VatRecoverable, decimal AmountExcludingVat);

public sealed record VatLine(
    string Payer,
    bool VatRecoverable,
    decimal AmountExcludingVat,
    decimal VatAmount,
    decimal AmountIncludingVat,
    decimal CostToPayer);

public sealed record VatSummary(
    IReadOnlyList<VatLine> Lines,
    decimal TotalExcludingVat,
    decimal TotalVat,
    decimal TotalIncludingVat,
    decimal TotalCostToPayers);

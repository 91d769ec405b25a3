namespace Llo.Finance.Domain.Contributions;

/// <summary>The plan's three kinds of contributing partners ("bedrijven, gemeenten en onderwijspartijen").</summary>
public enum PartnerCategory
{
    Companies = 1,
    Municipalities = 2,
    Education = 3,
}

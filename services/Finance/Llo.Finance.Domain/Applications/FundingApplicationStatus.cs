namespace Llo.Finance.Domain.Applications;

public enum FundingApplicationStatus
{
    Draft = 1,
    Submitted = 2,
    GrantedInFull = 3,
    GrantedInPart = 4,
    Rejected = 5,
    Withdrawn = 6,
}

namespace Llo.Inventory.Domain.Scaling;

/// <summary>The board's decision on a scaling proposal; numeric values equal the contract's enum values.</summary>
public enum ScalingDecision
{
    Approved = 1,
    Declined = 2,
    Deferred = 3,
}

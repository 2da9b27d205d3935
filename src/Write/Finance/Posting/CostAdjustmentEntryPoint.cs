using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// An item whose cost is not adjusted yet, from <see cref="ValuationDate"/> on (BC: Item."Cost is Adjusted" = No and
/// its "Avg. Cost Adjmt. Entry Point"). A posting that leaves costs unadjusted (automatic cost adjustment off) marks
/// the items it touched with the earliest date it changed; "Adjust Cost - Item Entries" adjusts exactly the marked
/// items and removes their marks, so a run with nothing to adjust is one indexed read.
/// </summary>
public sealed class CostAdjustmentEntryPoint : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ItemId { get; set; }
    public DateOnly ValuationDate { get; set; }
}

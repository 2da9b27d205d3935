using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Ledger;

/// <summary>
/// BC's "Remaining Quantity" and "Open" of an item ledger entry, kept apart so that the entry itself is never
/// updated. A row exists exactly while the entry is open; it is the only ledger-side row that changes, and it
/// always equals the entry's quantity minus its <see cref="ItemApplicationEntry"/> quantities (tests check it).
/// </summary>
public sealed class OpenItemEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long EntryNo { get; set; }
    public Guid ItemId { get; set; }
    public string LocationCode { get; set; } = "";
    public bool Positive { get; set; }
    public DateOnly PostingDate { get; set; }

    /// <summary>Signed like the entry's quantity.</summary>
    public decimal RemainingQuantity { get; set; }
}

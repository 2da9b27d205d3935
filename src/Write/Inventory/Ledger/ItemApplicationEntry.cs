using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Ledger;

/// <summary>
/// BC table 339: a quantity of an outbound entry taken from an inbound entry. Immutable; the cost of an
/// outbound entry follows from its applications (or from the average cost, for Average items).
/// </summary>
public sealed class ItemApplicationEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long EntryNo { get; set; }
    public Guid ItemId { get; set; }
    public long InboundEntryNo { get; set; }
    public long OutboundEntryNo { get; set; }

    /// <summary>The entry whose posting made this application (the later of the two).</summary>
    public long ItemLedgerEntryNo { get; set; }

    /// <summary>Positive: the quantity moved from the inbound entry to the outbound one.</summary>
    public decimal Quantity { get; set; }

    public DateOnly PostingDate { get; set; }
}

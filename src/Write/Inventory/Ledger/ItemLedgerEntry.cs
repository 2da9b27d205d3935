using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Ledger;

/// <summary>
/// One quantity movement of an Inventory item (BC table 32). Immutable once written: BC's mutable fields
/// (Remaining Quantity, Open) live in <see cref="OpenItemEntry"/>, and Invoiced Quantity / costs are the sums
/// of the entry's <see cref="ValueEntry"/> rows.
/// </summary>
public sealed class ItemLedgerEntry : ITenantOwned
{
    public const int DocumentNoLength = 20;
    public const int DescriptionLength = 100;

    public Guid TenantId { get; set; }
    public long EntryNo { get; set; }
    public Guid ItemId { get; set; }
    public string ItemNo { get; set; } = "";
    public DateOnly PostingDate { get; set; }
    public ItemLedgerEntryType EntryType { get; set; }
    public string DocumentNo { get; set; } = "";
    public string Description { get; set; } = "";
    public string LocationCode { get; set; } = "";

    /// <summary>Signed: positive for inbound entries, negative for outbound ones.</summary>
    public decimal Quantity { get; set; }

    public bool Positive { get; set; }

    /// <summary>
    /// BC's "Applies-to Entry" (outbound: the inbound entry it was fixed-applied to) and "Applied from Entry"
    /// / transfer origin (inbound: the outbound entry whose cost it takes: a return with exact cost reversal,
    /// or the shipping half of a transfer). Zero when none.
    /// </summary>
    public long AppliesToEntry { get; set; }

    public long CostSourceEntry { get; set; }

    /// <summary>The unit cost the part of an outbound entry that found no inbound entry (negative inventory) is valued at.</summary>
    public decimal UnappliedUnitCost { get; set; }

    public string GenBusPostingGroup { get; set; } = "";
    public string GenProdPostingGroup { get; set; } = "";
    public string InventoryPostingGroup { get; set; } = "";
    public long RegisterNo { get; set; }
}

public enum ItemLedgerEntryType
{
    Purchase,
    Sale,

    [Common.BcWord("Positive Adjmt.", "Positive_x0020_Adjmt_x002E_", "PositiveAdjmt")]
    PositiveAdjmt,

    [Common.BcWord("Negative Adjmt.", "Negative_x0020_Adjmt_x002E_", "NegativeAdjmt")]
    NegativeAdjmt,

    Transfer,
}

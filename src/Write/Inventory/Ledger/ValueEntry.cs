using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Ledger;

/// <summary>
/// BC table 5802: an amount of an item ledger entry. Expected cost (received/shipped, not invoiced) and actual
/// cost (invoiced) are separate amounts; every later change of cost is a new value entry. Immutable.
/// Cost amounts are signed like the entry's quantity (inventory increases positive).
/// </summary>
public sealed class ValueEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long EntryNo { get; set; }
    public long ItemLedgerEntryNo { get; set; }
    public Guid ItemId { get; set; }
    public string ItemNo { get; set; } = "";
    public DateOnly PostingDate { get; set; }

    /// <summary>The date the cost belongs to: the entry's posting date for its own costs, the revaluation date for revaluations.</summary>
    public DateOnly ValuationDate { get; set; }

    public ValueEntryType EntryType { get; set; }
    public ItemLedgerEntryType ItemLedgerEntryType { get; set; }
    public string DocumentNo { get; set; } = "";
    public string LocationCode { get; set; } = "";

    /// <summary>The entry's quantity on its first value entry, zero afterwards (so sums give the quantity once).</summary>
    public decimal ItemLedgerEntryQuantity { get; set; }

    public decimal InvoicedQuantity { get; set; }

    /// <summary>BC's "Valued Quantity": for revaluations, the remaining quantity the amount belongs to.</summary>
    public decimal ValuedQuantity { get; set; }

    public decimal CostAmountExpected { get; set; }
    public decimal CostAmountActual { get; set; }
    public decimal SalesAmountActual { get; set; }

    /// <summary>Written by cost adjustment, not by the posting of a document or journal.</summary>
    public bool Adjustment { get; set; }

    public string GenBusPostingGroup { get; set; } = "";
    public string GenProdPostingGroup { get; set; } = "";
    public string InventoryPostingGroup { get; set; } = "";
    public long RegisterNo { get; set; }
}

public enum ValueEntryType
{
    [Common.BcWord("Direct Cost", "Direct_x0020_Cost", "DirectCost")]
    DirectCost,

    [Common.BcWord("Indirect Cost", "Indirect_x0020_Cost", "IndirectCost")]
    IndirectCost,

    Variance,
    Revaluation,
    Rounding,
}

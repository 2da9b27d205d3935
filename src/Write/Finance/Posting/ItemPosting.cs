using Saas.Write.Common;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// One posting of item movements and their costs: what documents and journals hand to
/// <see cref="ItemPostingEngine"/>. Everything in it commits in one transaction, or nothing does.
/// </summary>
public sealed record ItemPosting
{
    /// <summary>Transfer orders' shipments and receipts: the only postings that may touch an in-transit location.</summary>
    public const string TransferSourceCode = "TRANSFER";

    /// <summary>
    /// The same key with the same request again returns the first posting's result and posts nothing; with a
    /// different request it is refused (<see cref="PostingIdempotency"/>).
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The caller's request, hashed (<see cref="PostingIdempotency.Hash(string, object)"/>); null: this posting is the request.</summary>
    public string? RequestHash { get; init; }

    /// <summary>BC's source code (ITEMJNL, RECLASSJNL, REVALJNL, PHYSINVJNL, SALES, PURCHASES, TRANSFER).</summary>
    public string SourceCode { get; init; } = "ITEMJNL";

    /// <summary>Document number for lines without one; blank takes the next number of the item journal series.</summary>
    public string? DocumentNo { get; init; }

    public IReadOnlyList<ItemPostingLine> Lines { get; init; } = [];

    /// <summary>Invoices of earlier receipts/shipments: actual cost (and sales amount) for what was posted as expected.</summary>
    public IReadOnlyList<ItemInvoiceLine> Invoices { get; init; } = [];

    public IReadOnlyList<ItemChargeLine> Charges { get; init; } = [];
    public IReadOnlyList<RevaluationLine> Revaluations { get; init; } = [];

    public void Validate()
    {
        var v = new Validation();
        v.MaxLength("idempotencyKey", IdempotencyKey, GLRegister.IdempotencyKeyLength);
        v.MaxLength("documentNo", DocumentNo, ItemLedgerEntry.DocumentNoLength);
        if (Lines.Count + Invoices.Count + Charges.Count + Revaluations.Count == 0)
        {
            v.Add("lines", "There is nothing to post.");
        }

        for (var i = 0; i < Lines.Count; i++)
        {
            Lines[i].Validate(v, $"lines[{i}].");
        }

        for (var i = 0; i < Invoices.Count; i++)
        {
            var line = Invoices[i];
            if (line.Quantity <= 0)
            {
                v.Add($"invoices[{i}].quantity", "must be greater than 0.");
            }

            v.NotNegative($"invoices[{i}].unitCost", line.UnitCost);
            v.NotNegative($"invoices[{i}].unitAmount", line.UnitAmount);
            v.WithinRange($"invoices[{i}].quantity", line.Quantity);
            v.WithinRange($"invoices[{i}].unitCost", line.UnitCost);
            v.WithinRange($"invoices[{i}].unitAmount", line.UnitAmount);
        }

        for (var i = 0; i < Charges.Count; i++)
        {
            v.WithinRange($"charges[{i}].amount", Charges[i].Amount);
        }

        for (var i = 0; i < Revaluations.Count; i++)
        {
            var line = Revaluations[i];
            v.NotNegative($"revaluations[{i}].newUnitCost", line.NewUnitCost);
            v.WithinRange($"revaluations[{i}].newUnitCost", line.NewUnitCost);
            v.NotNegative($"revaluations[{i}].newInventoryValue", line.NewInventoryValue);
            v.WithinRange($"revaluations[{i}].newInventoryValue", line.NewInventoryValue);
            if ((line.NewUnitCost is null) == (line.NewInventoryValue is null))
            {
                v.Add($"revaluations[{i}].newUnitCost", "Enter exactly one of the new unit cost and the new inventory value.");
            }

            if ((line.AppliesToEntry is null) == string.IsNullOrWhiteSpace(line.ItemNo))
            {
                v.Add($"revaluations[{i}].appliesToEntry", "Name either the inbound entry to revalue or the item (Average items).");
            }
        }

        v.ThrowIfInvalid();
    }
}

/// <summary>
/// A quantity movement. Quantity is as on BC's lines: positive on adjustments and transfers; on Purchase and Sale
/// lines negative means a return (to the vendor, from the customer).
/// </summary>
public sealed record ItemPostingLine
{
    public required ItemLedgerEntryType EntryType { get; init; }
    public required string ItemNo { get; init; }
    public string LocationCode { get; init; } = "";

    /// <summary>Transfer lines: where the goods go.</summary>
    public string NewLocationCode { get; init; } = "";

    public required DateOnly PostingDate { get; init; }
    public string? DocumentNo { get; init; }
    public string Description { get; init; } = "";
    public required decimal Quantity { get; init; }

    /// <summary>Inbound purchases and adjustments: the direct unit cost; null takes the item card's unit cost.</summary>
    public decimal? UnitCost { get; init; }

    /// <summary>Sales: the unit price, booked as the sales amount when invoiced.</summary>
    public decimal UnitAmount { get; init; }

    /// <summary>False posts a receipt or shipment only: expected cost, invoiced later (<see cref="ItemInvoiceLine"/>).</summary>
    public bool Invoice { get; init; } = true;

    /// <summary>BC's Indirect Cost %: overhead added to an invoiced purchase as an Indirect Cost entry.</summary>
    public decimal IndirectCostPercent { get; init; }

    /// <summary>
    /// Outbound lines: apply to this inbound entry only (fixed application, e.g. a return to the vendor). Transfer
    /// lines: the entry at the from-location the goods are taken from (a transfer receipt names its in-transit entry).
    /// </summary>
    public long? AppliesToEntry { get; init; }

    /// <summary>Inbound lines: take the cost of this outbound entry (exact cost reversal of a sales return).</summary>
    public long? AppliesFromEntry { get; init; }

    public string GenBusPostingGroup { get; init; } = "";

    public bool IsInbound => EntryType switch
    {
        ItemLedgerEntryType.Purchase => Quantity > 0,
        ItemLedgerEntryType.Sale => Quantity < 0,
        ItemLedgerEntryType.PositiveAdjmt => true,
        _ => false,
    };

    public void Validate(Validation v, string prefix)
    {
        v.Defined(prefix + "entryType", (ItemLedgerEntryType?)EntryType);
        v.Required(prefix + "itemNo", ItemNo, 20);
        v.MaxLength(prefix + "locationCode", LocationCode, 10);
        v.MaxLength(prefix + "documentNo", DocumentNo, ItemLedgerEntry.DocumentNoLength);
        v.MaxLength(prefix + "description", Description, ItemLedgerEntry.DescriptionLength);
        v.NotNegative(prefix + "unitCost", UnitCost);
        v.NotNegative(prefix + "unitAmount", UnitAmount);
        v.NotNegative(prefix + "indirectCostPercent", IndirectCostPercent);
        v.WithinRange(prefix + "quantity", Quantity);
        v.WithinRange(prefix + "unitCost", UnitCost);
        v.WithinRange(prefix + "unitAmount", UnitAmount);
        if (Quantity == 0 || Quantity < 0 && EntryType is not (ItemLedgerEntryType.Purchase or ItemLedgerEntryType.Sale))
        {
            v.Add(prefix + "quantity", "must be greater than 0.");
        }

        if (decimal.Round(Quantity, 5) != Quantity)
        {
            v.Add(prefix + "quantity", "may have at most 5 decimals.");
        }

        if (EntryType == ItemLedgerEntryType.Transfer)
        {
            if (Codes.Normalize(NewLocationCode) == Codes.Normalize(LocationCode))
            {
                v.Add(prefix + "newLocationCode", "must differ from the location code on a transfer.");
            }

            if (!Invoice)
            {
                v.Add(prefix + "invoice", "Transfers are always posted with their cost.");
            }
        }

        if (AppliesToEntry is not null && IsInbound)
        {
            v.Add(prefix + "appliesToEntry", "only outbound lines apply to an entry; inbound lines name it in appliesFromEntry.");
        }

        if (AppliesFromEntry is not null && !IsInbound)
        {
            v.Add(prefix + "appliesFromEntry", "only inbound lines take their cost from an outbound entry.");
        }

        if (EntryType is ItemLedgerEntryType.PositiveAdjmt or ItemLedgerEntryType.NegativeAdjmt && !Invoice)
        {
            v.Add(prefix + "invoice", "Adjustments are always posted with their cost.");
        }
    }
}

/// <summary>Invoices <see cref="Quantity"/> of an earlier entry posted without invoice (a receipt or shipment).</summary>
public sealed record ItemInvoiceLine
{
    public required long ItemLedgerEntryNo { get; init; }
    public required decimal Quantity { get; init; }
    public required DateOnly PostingDate { get; init; }
    public string? DocumentNo { get; init; }

    /// <summary>Inbound entries: the invoiced direct unit cost; null invoices at the expected cost.</summary>
    public decimal? UnitCost { get; init; }

    /// <summary>Outbound entries: the invoiced unit price (sales amount).</summary>
    public decimal UnitAmount { get; init; }
}

/// <summary>An item charge (freight, customs) assigned to an inbound entry: added to its cost, whenever it arrives.</summary>
public sealed record ItemChargeLine
{
    public required long ItemLedgerEntryNo { get; init; }
    public required decimal Amount { get; init; }
    public required DateOnly PostingDate { get; init; }
    public string? DocumentNo { get; init; }
}

/// <summary>
/// Revaluation to a new unit cost: of one open inbound entry's remaining quantity (FIFO, LIFO, Standard), or of
/// the whole quantity on hand of an Average item (BC's revaluation journal, "Calculate Inventory Value").
/// Either <see cref="NewUnitCost"/> or <see cref="NewInventoryValue"/>: a value entered as a value is posted as
/// BC posts Inventory Value (Revalued) − Inventory Value (Calculated), exactly, without a detour through a rounded
/// unit cost (30,000 units worth 10,000.00 would otherwise be revalued to 0.33333 × 30,000 = 9,999.90).
/// </summary>
public sealed record RevaluationLine
{
    public long? AppliesToEntry { get; init; }
    public string? ItemNo { get; init; }
    public decimal? NewUnitCost { get; init; }

    /// <summary>The value the revalued quantity (the entry's remaining quantity, the Average item's on hand) is worth afterwards.</summary>
    public decimal? NewInventoryValue { get; init; }

    public required DateOnly PostingDate { get; init; }
    public string? DocumentNo { get; init; }
}

/// <summary>What a posting wrote (or, for a preview, would write). <see cref="AlreadyPosted"/>: an idempotent repeat.</summary>
public sealed record PostingResult(
    long RegisterNo,
    long TransactionNo,
    bool AlreadyPosted,
    IReadOnlyList<ItemLedgerEntry> ItemLedgerEntries,
    IReadOnlyList<ValueEntry> ValueEntries,
    IReadOnlyList<ItemApplicationEntry> Applications,
    IReadOnlyList<GLEntry> GLEntries,
    Guid? ReadPosition);

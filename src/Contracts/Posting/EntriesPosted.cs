namespace Saas.Contracts.Posting;

/// <summary>
/// One posting (one G/L register): every ledger entry it wrote, in entry-number order. One event per posting
/// rather than one per entry, because a posting is the unit that commits, the entries of one transaction are
/// only meaningful together (the G/L sums to zero), and a consumer that sees the register number once can
/// project idempotently. Amounts are decimals, dates ISO dates.
/// </summary>
public sealed record EntriesPosted : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required long RegisterNo { get; init; }
    public required long TransactionNo { get; init; }
    public required string SourceCode { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public IReadOnlyList<ItemLedgerEntryPosted> ItemLedgerEntries { get; init; } = [];
    public IReadOnlyList<ValueEntryPosted> ValueEntries { get; init; } = [];
    public IReadOnlyList<ItemApplicationPosted> Applications { get; init; } = [];
    public IReadOnlyList<GLEntryPosted> GLEntries { get; init; } = [];

    /// <summary>Remaining quantities of the entries this posting opened or changed (BC's Remaining Quantity / Open).</summary>
    public IReadOnlyList<RemainingQuantityChanged> RemainingQuantities { get; init; } = [];
}

public sealed record ItemLedgerEntryPosted(
    long EntryNo, Guid ItemId, string ItemNo, DateOnly PostingDate, string EntryType, string DocumentNo, string Description,
    string LocationCode, decimal Quantity, long AppliesToEntry, long CostSourceEntry);

public sealed record ValueEntryPosted(
    long EntryNo, long ItemLedgerEntryNo, Guid ItemId, string ItemNo, DateOnly PostingDate, DateOnly ValuationDate, string EntryType,
    string ItemLedgerEntryType, string DocumentNo, string LocationCode, decimal ItemLedgerEntryQuantity, decimal InvoicedQuantity,
    decimal CostAmountExpected, decimal CostAmountActual, decimal SalesAmountActual, bool Adjustment);

public sealed record ItemApplicationPosted(long EntryNo, Guid ItemId, long InboundEntryNo, long OutboundEntryNo, decimal Quantity, DateOnly PostingDate);

public sealed record GLEntryPosted(
    long EntryNo, long TransactionNo, string GLAccountNo, DateOnly PostingDate, string DocumentNo, string Description, decimal Amount,
    long ValueEntryNo);

public sealed record RemainingQuantityChanged(long EntryNo, decimal RemainingQuantity, bool Open);

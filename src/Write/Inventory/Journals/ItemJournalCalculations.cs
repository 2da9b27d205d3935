using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Inventory.Journals;

/// <summary>
/// The batch jobs that fill a journal from the ledgers: BC's "Calculate Inventory" (physical inventory) and
/// "Calculate Inventory Value" (revaluation). Both add lines; lines already in the batch for the same item and
/// location (or entry) are left as they are, so a user's counts are never overwritten by a second run.
/// </summary>
public sealed class ItemJournalCalculations(WriteDbContext db, ItemJournal journal, TimeProvider clock)
{
    public static async Task<decimal> QuantityOnHandAsync(WriteDbContext db, string itemNumber, string locationCode, DateOnly postingDate, CancellationToken cancellationToken) =>
        await db.ItemLedgerEntries.AsNoTracking()
            .Where(e => e.ItemNo == itemNumber && e.LocationCode == locationCode && e.PostingDate <= postingDate)
            .SumAsync(e => (decimal?)e.Quantity, cancellationToken) ?? 0;

    /// <summary>
    /// One line per Inventory item and location with stock on <paramref name="postingDate"/> (and with entries but
    /// no stock when <paramref name="itemsNotOnInventory"/>), Qty. (Phys. Inventory) preset to Qty. (Calculated)
    /// as BC does: the user changes only what was counted differently.
    /// </summary>
    public async Task<int> CalculateInventoryAsync(
        Guid batchId, DateOnly postingDate, string? itemNumber, string? locationCode, bool itemsNotOnInventory, CancellationToken cancellationToken = default)
    {
        var batch = await BatchAsync(batchId, ItemJournalTemplate.PhysicalInventory, cancellationToken);
        var item = string.IsNullOrWhiteSpace(itemNumber) ? null : Codes.Normalize(itemNumber);
        var calculated = await journal.CalculatePhysicalInventoryAsync(postingDate, locationCode, itemsNotOnInventory, cancellationToken);
        var inventoryItems = (await db.Items.AsNoTracking().Where(i => i.Type == ItemType.Inventory).Select(i => i.Number).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var present = (await db.ItemJournalBatchLines.AsNoTracking().Where(l => l.BatchId == batch.Id)
            .Select(l => new { l.ItemNumber, l.LocationCode }).ToListAsync(cancellationToken))
            .Select(l => (l.ItemNumber, l.LocationCode)).ToHashSet();
        var lines = calculated
            .Where(l => (item is null || l.ItemNumber == item) && inventoryItems.Contains(l.ItemNumber) && !present.Contains((l.ItemNumber, l.LocationCode)))
            .Select(l => new ItemJournalBatchLine
            {
                ItemNumber = l.ItemNumber,
                LocationCode = l.LocationCode,
                PostingDate = postingDate,
                QuantityCalculated = l.QuantityCalculated,
                QuantityPhysInventory = l.QuantityCalculated,
            })
            .ToList();
        return await AddAsync(batch, lines, cancellationToken);
    }

    /// <summary>
    /// BC's "Calculate Inventory Value": Average items one line per item (the whole quantity on hand, Calculate
    /// Per = Item, since average cost belongs to the item); FIFO, LIFO and Standard items one line per open inbound
    /// item ledger entry (Calculate Per = Item Ledger Entry) with its remaining quantity and the cost of it.
    /// Inventory Value (Revalued) starts equal to the calculated value.
    /// </summary>
    public async Task<int> CalculateInventoryValueAsync(Guid batchId, DateOnly postingDate, string? itemNumber, CancellationToken cancellationToken = default)
    {
        var batch = await BatchAsync(batchId, ItemJournalTemplate.Revaluation, cancellationToken);
        var number = string.IsNullOrWhiteSpace(itemNumber) ? null : Codes.Normalize(itemNumber);
        var items = await db.Items.AsNoTracking()
            .Where(i => i.Type == ItemType.Inventory && (number == null || i.Number == number))
            .OrderBy(i => i.Number).ToListAsync(cancellationToken);
        if (number is not null && items.Count == 0)
        {
            throw ValidationFailedException.For("itemNumber", $"there is no Inventory item '{number}'.");
        }

        var period = (await db.GeneralLedgerSetups.AsNoTracking().SingleAsync(cancellationToken)).AverageCostPeriod;
        var present = (await db.ItemJournalBatchLines.AsNoTracking().Where(l => l.BatchId == batch.Id)
            .Select(l => new { l.ItemNumber, l.AppliesToEntry }).ToListAsync(cancellationToken))
            .Select(l => (l.ItemNumber, l.AppliesToEntry)).ToHashSet();
        var lines = new List<ItemJournalBatchLine>();
        foreach (var item in items)
        {
            var entries = await db.ItemLedgerEntries.AsNoTracking().Where(e => e.ItemId == item.Id).ToListAsync(cancellationToken);
            if (entries.Count == 0)
            {
                continue;
            }

            // The posting revalues the item as it stands; entries after the date would be revalued as of before them.
            if (entries.Max(e => e.PostingDate) > postingDate)
            {
                throw ValidationFailedException.For("postingDate",
                    $"Item {item.Number} has entries after {postingDate:yyyy-MM-dd}: revalue on or after its last posting date ({entries.Max(e => e.PostingDate):yyyy-MM-dd}).");
            }

            var values = await db.ValueEntries.AsNoTracking().Where(v => v.ItemId == item.Id).ToListAsync(cancellationToken);
            var applications = await db.ItemApplicationEntries.AsNoTracking().Where(a => a.ItemId == item.Id).ToListAsync(cancellationToken);
            var calculator = new ItemCostCalculator(item.CostingMethod, period, item.UnitCost, entries, values, applications);
            calculator.Calculate();
            if (item.CostingMethod == CostingMethod.Average)
            {
                var (quantity, value) = calculator.OnHand();
                if (quantity > 0 && !present.Contains((item.Number, null)))
                {
                    lines.Add(Line(item.Number, "", null, quantity, value));
                }

                continue;
            }

            var open = await db.OpenItemEntries.AsNoTracking()
                .Where(o => o.ItemId == item.Id && o.Positive && o.RemainingQuantity > 0)
                .OrderBy(o => o.EntryNo).ToListAsync(cancellationToken);
            foreach (var entry in open.Where(o => !present.Contains((item.Number, o.EntryNo))))
            {
                lines.Add(Line(item.Number, entry.LocationCode, entry.EntryNo, entry.RemainingQuantity, calculator.CostOfRemaining(entry.EntryNo, entry.RemainingQuantity)));
            }
        }

        return await AddAsync(batch, lines, cancellationToken);

        ItemJournalBatchLine Line(string item, string location, long? entryNo, decimal quantity, decimal value)
        {
            var unitCost = ItemCostCalculator.RoundUnitCost(value / quantity);
            return new ItemJournalBatchLine
            {
                EntryType = ItemLedgerEntryType.PositiveAdjmt,
                ItemNumber = item,
                LocationCode = location,
                AppliesToEntry = entryNo,
                PostingDate = postingDate,
                Quantity = quantity,
                InventoryValueCalculated = value,
                UnitCostCalculated = unitCost,
                InventoryValueRevalued = value,
                UnitCostRevalued = unitCost,
            };
        }
    }

    private async Task<ItemJournalBatch> BatchAsync(Guid batchId, ItemJournalTemplate template, CancellationToken cancellationToken)
    {
        var batch = await db.ItemJournalBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken)
            ?? throw new NotFoundException("Item journal", batchId);
        if (batch.Template != template)
        {
            throw ValidationFailedException.For("template", $"This batch belongs to the {BcEnum.ToWord(batch.Template)} journal; this calculation fills {BcEnum.ToWord(template)} journals.");
        }

        return batch;
    }

    private async Task<int> AddAsync(ItemJournalBatch batch, List<ItemJournalBatchLine> lines, CancellationToken cancellationToken)
    {
        if (lines.Count == 0)
        {
            return 0;
        }

        // The batch row first, as posting takes it: a calculation waits for a running post (and concurrent adds
        // cannot take the same line numbers).
        return await ItemJournalBatchLock.RunAsync(db, batch.Id, async _ =>
        {
            var last = await db.ItemJournalBatchLines.Where(l => l.BatchId == batch.Id).MaxAsync(l => (int?)l.LineNumber, cancellationToken) ?? 0;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var line in lines)
            {
                last += ItemJournalBatchLine.LineNumberStep;
                line.TenantId = db.CurrentTenantId;
                line.Id = Guid.NewGuid();
                line.BatchId = batch.Id;
                line.LineNumber = last;
                line.LastModifiedUtc = now;
                line.Version = 1;
                db.ItemJournalBatchLines.Add(line);
            }

            await db.SaveChangesAsync(cancellationToken);
            return lines.Count;
        }, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// Incremental cost adjustment of Average items (ADR 008): recompute the average-cost periods from the earliest one a
/// posting changed on, starting from the quantity and value on hand before it (summed in the database), as BC's
/// "Avg. Cost Adjmt. Entry Point" does.
/// </summary>
/// <remarks>
/// Why this is exact: <see cref="ItemCostCalculator"/> walks an Average item's periods in order, carrying quantity
/// and value. With automatic cost adjustment on, every earlier posting adjusted the item (switching it on or changing
/// the period adjusts everything), so each entry's value entries carry the cost that walk gave it. Start the walk at
/// period P, where
/// <list type="number">
/// <item>nothing this posting changed lies before P (no new entry, no new value entry on an earlier entry, no
/// revaluation valued earlier);</item>
/// <item>P holds a saved outbound entry valued at the average: a period that ends at quantity 0 gives its residue to
/// the last such entry, so no period from P on ever gave a residue to an entry before P, and the value entries of
/// the entries before P carry exactly what the walk had reached at P;</item>
/// <item>no entry before P takes its cost from an entry from P on (a backdated return or fixed application), so the
/// walk before P is the same as before this posting.</item>
/// </list>
/// Then the walk's state at P is: quantity = Σ quantities posted before P, value = Σ value entries valued before P
/// (a value entry is valued at its item ledger entry's posting date; a revaluation at its valuation date), and the
/// walk from P on gives every entry the same cost as the walk over the whole ledger. Entries from P on that take
/// their cost from earlier entries get those with their posted (adjusted) cost. When a condition does not hold, or
/// P's first period has nothing on hand to average (it would need the period before's average), the whole item is
/// recomputed as before.
/// </remarks>
internal sealed partial class PostingRun
{
    /// <summary>The Average item's entries from the earliest period this posting changed, or null: recompute it whole.</summary>
    private async Task<(ItemCostCalculator Calculator, Dictionary<long, ItemLedgerEntry> Entries, List<ValueEntry> Values)?> LoadAverageFromChangesAsync(Item item)
    {
        var period = setup.AverageCostPeriod;
        var changedDates = newEntries.Where(e => e.ItemId == item.Id).Select(e => e.PostingDate).ToList();
        foreach (var newValue in newValues.Where(v => v.ItemId == item.Id))
        {
            changedDates.Add(newValue.ValuationDate);
            changedDates.Add((await EntryAsync(newValue.ItemLedgerEntryNo, "itemLedgerEntryNo")).PostingDate);
        }

        if (changedDates.Count == 0)
        {
            return null;
        }

        // 1–2. The latest period, up to the earliest changed one, with a saved outbound entry valued at the average.
        var changed = period.StartOf(changedDates.Min());
        var afterChanged = NextPeriodStart(period, changed);
        var lastOutbound = await db.ItemLedgerEntries
            .Where(e => e.ItemId == item.Id && !e.Positive && e.AppliesToEntry == 0 && e.PostingDate < afterChanged)
            .MaxAsync(e => (DateOnly?)e.PostingDate, cancellationToken);
        if (lastOutbound is null)
        {
            return null;
        }

        var start = period.StartOf(lastOutbound.Value);

        // The entries from the start on, with all their value entries.
        var entries = (await db.ItemLedgerEntries.AsNoTracking().Where(e => e.ItemId == item.Id && e.PostingDate >= start)
            .ToListAsync(cancellationToken)).ToDictionary(e => e.EntryNo);
        var savedFromStart = entries.Keys.ToList();
        foreach (var entry in newEntries.Where(e => e.ItemId == item.Id))
        {
            entries[entry.EntryNo] = entry;
        }

        // 3. Nothing before the start takes its cost from an entry from the start on (asked from the side of the
        // entries from the start, which are loaded anyway, so the question costs the period, not the history).
        if (await AnyTakesCostFromBeforeAsync(savedFromStart, entries, start))
        {
            return null;
        }

        // The state at the start: the item's totals (AverageItemTotals, saved postings only) minus what the saved
        // entries from the start on add; value entries valued from the start on are those of these entries plus
        // revaluations valued from the start on, whose carriers are read below with all their value entries.
        var totals = await AverageTotalsAsync(item.Id);
        var quantity = totals.Quantity - savedFromStart.Sum(no => entries[no].Quantity);

        // Earlier entries the walk reads: revaluations valued from the start on that an earlier entry carries, the
        // sources of returns and transfer receipts, the inbound entries of fixed applications (with every
        // application from them: a fixed application's share of an inbound entry's cost is cumulative).
        var sourceNos = (await db.ValueEntries.AsNoTracking()
                .Where(v => v.ItemId == item.Id && v.EntryType == ValueEntryType.Revaluation && v.ValuationDate >= start)
                .Select(v => v.ItemLedgerEntryNo).ToListAsync(cancellationToken))
            .Concat(entries.Values.Where(e => e.Positive && e.CostSourceEntry != 0).Select(e => e.CostSourceEntry))
            .ToHashSet();
        var fixedOutbound = entries.Values.Where(e => !e.Positive && e.AppliesToEntry != 0).Select(e => e.EntryNo).ToList();
        var fixedInbound = (await ApplicationsOfAsync(fixedOutbound)).Select(a => a.InboundEntryNo).Distinct().ToList();
        var applications = await ApplicationsFromAsync(fixedInbound);
        sourceNos.UnionWith(fixedInbound);
        sourceNos.ExceptWith(entries.Keys);
        var sources = new Dictionary<long, ItemLedgerEntry>();
        await LoadEntriesAsync(sources, sourceNos);

        var values = new List<ValueEntry>();
        var saved = entries.Keys.Concat(sources.Keys).Where(no => !newEntryNos.Contains(no)).ToList();
        foreach (var chunk in saved.Chunk(ChunkSize))
        {
            values.AddRange(await db.ValueEntries.AsNoTracking().Where(v => chunk.Contains(v.ItemLedgerEntryNo)).ToListAsync(cancellationToken));
        }

        var value = totals.CostAmount - values.Where(v => v.ValuationDate >= start && AverageItemTotals.Counts(v))
            .Sum(v => v.CostAmountExpected + v.CostAmountActual);
        values.AddRange(newValues.Where(v => entries.ContainsKey(v.ItemLedgerEntryNo) || sources.ContainsKey(v.ItemLedgerEntryNo)));
        var calculator = new ItemCostCalculator(item.CostingMethod, period, item.UnitCost, entries.Values, values, applications,
            opening: new AverageOpening(start, quantity, value, sources.Values.ToList()));
        return (calculator, entries, values);
    }

    /// <summary>
    /// Whether an entry dated before <paramref name="start"/> takes its cost from one of the saved entries from the
    /// start on: a return or transfer receipt dated before its source, or a fixed application to a later receipt.
    /// </summary>
    private async Task<bool> AnyTakesCostFromBeforeAsync(List<long> savedFromStart, Dictionary<long, ItemLedgerEntry> entries, DateOnly start)
    {
        foreach (var chunk in savedFromStart.Chunk(ChunkSize))
        {
            if (await db.ItemLedgerEntries.AnyAsync(e => chunk.Contains(e.CostSourceEntry) && e.PostingDate < start, cancellationToken))
            {
                return true;
            }
        }

        foreach (var chunk in savedFromStart.Where(no => entries[no].Positive).Chunk(ChunkSize))
        {
            if (await db.ItemApplicationEntries.AnyAsync(a => chunk.Contains(a.InboundEntryNo)
                && db.ItemLedgerEntries.Any(o => o.EntryNo == a.OutboundEntryNo && o.AppliesToEntry != 0 && o.PostingDate < start), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The item's saved totals (<see cref="AverageItemTotals"/>), summed from its ledgers the first time.</summary>
    private async Task<AverageItemTotals> AverageTotalsAsync(Guid itemId)
    {
        if (averageTotals.TryGetValue(itemId, out var totals))
        {
            return totals;
        }

        totals = await db.AverageItemTotals.SingleOrDefaultAsync(t => t.ItemId == itemId, cancellationToken);
        if (totals is null)
        {
            // SQLite sums decimals exactly (ef_sum). Only saved rows are summed: this posting's are added at its end.
            var counted = db.ValueEntries.Where(v => v.ItemId == itemId).Where(AverageItemTotals.Counted);
            totals = new AverageItemTotals
            {
                TenantId = db.CurrentTenantId,
                ItemId = itemId,
                Quantity = await db.ItemLedgerEntries.Where(e => e.ItemId == itemId).SumAsync(e => e.Quantity, cancellationToken),
                CostAmount = await counted.SumAsync(v => v.CostAmountExpected, cancellationToken)
                    + await counted.SumAsync(v => v.CostAmountActual, cancellationToken),
            };
            db.AverageItemTotals.Add(totals);
        }

        averageTotals[itemId] = totals;
        return totals;
    }

    /// <summary>Adds this posting's entries and value entries to the totals of the Average items it touched.</summary>
    private async Task AddToAverageTotalsAsync()
    {
        var averageIds = new List<Guid>();
        foreach (var id in touchedItems)
        {
            if ((await ItemByIdAsync(id)).CostingMethod == CostingMethod.Average)
            {
                averageIds.Add(id);
            }
        }

        var missing = averageIds.Where(id => !averageTotals.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var row in await db.AverageItemTotals.Where(t => missing.Contains(t.ItemId)).ToListAsync(cancellationToken))
            {
                averageTotals[row.ItemId] = row;
            }
        }

        foreach (var id in averageIds)
        {
            var totals = await AverageTotalsAsync(id);
            totals.Quantity += newEntries.Where(e => e.ItemId == id).Sum(e => e.Quantity);
            totals.CostAmount += newValues.Where(v => v.ItemId == id && AverageItemTotals.Counts(v)).Sum(v => v.CostAmountExpected + v.CostAmountActual);
        }
    }

    private static DateOnly NextPeriodStart(AverageCostPeriod period, DateOnly start) => period switch
    {
        AverageCostPeriod.Week => start.AddDays(7),
        AverageCostPeriod.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}

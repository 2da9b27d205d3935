using Microsoft.EntityFrameworkCore;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// Incremental cost adjustment (ADR 008): instead of an item's whole history, load only the entries whose cost can
/// have changed and what their cost is computed from.
/// </summary>
/// <remarks>
/// Why this is exact for FIFO, LIFO and Standard items: the cost <see cref="ItemCostCalculator"/> gives an entry
/// depends only on (a) for an outbound entry, its applications and the inbound entries they took from, (b) for an
/// inbound entry valued by others, the outbound entry it came from, (c) for an inbound entry, its value entries
/// and the quantity applied from it before each of its applications. So:
/// <list type="number">
/// <item>"Changed" entries are the ones this posting gave a new entry, value entry or application as outbound
/// side, plus, transitively, the outbound entries applied to a changed inbound entry and the inbound entries
/// whose cost comes from a changed outbound entry. Any other entry has exactly the inputs it had after the last
/// adjustment, so its cost has not changed.</item>
/// <item>The calculator then gets the changed entries and everything upstream of them (rules a–b, closed
/// transitively); for an inbound entry only the applications from the earliest one it needs, plus the quantity
/// applied before those (<c>appliedBefore</c>). On that closed part of the ledger it computes the same costs
/// as on the whole ledger.</item>
/// </list>
/// Average items follow periods, not chains (their cost depends on every entry of a period and all periods before
/// it): see PostingRun.Average.cs. <see cref="ItemPostingEngine.AdjustEveryItemAsync"/> always recomputes from scratch, and the
/// differential property test checks that it finds nothing left after incremental adjustment.
/// </remarks>
internal sealed partial class PostingRun
{
    private const int ChunkSize = 2000;

    /// <summary>
    /// The parts of these non-Average items' ledgers this posting's changes reach (see the remarks above), read
    /// together: application chains never cross items, so one walk serves them all and each item gets its own part.
    /// </summary>
    private Task<Dictionary<Guid, (ItemCostCalculator Calculator, Dictionary<long, ItemLedgerEntry> Entries, List<ValueEntry> Values)>> LoadAffectedAsync(
        IReadOnlyCollection<Item> items, bool onlyNewEntries)
    {
        var ids = items.Select(i => i.Id).ToHashSet();

        // Without automatic adjustment only entries that got their own value entry now are costed.
        var seeds = onlyNewEntries
            ? ownValueOf.Values.Where(v => ids.Contains(v.ItemId)).Select(v => v.ItemLedgerEntryNo)
            : newEntries.Where(e => ids.Contains(e.ItemId)).Select(e => e.EntryNo)
                .Concat(newValues.Where(v => ids.Contains(v.ItemId)).Select(v => v.ItemLedgerEntryNo))
                .Concat(newApplications.Where(a => ids.Contains(a.ItemId)).Select(a => a.OutboundEntryNo));
        return LoadAffectedAsync(items, seeds.ToHashSet(), downstream: !onlyNewEntries);
    }

    private async Task<Dictionary<Guid, (ItemCostCalculator Calculator, Dictionary<long, ItemLedgerEntry> Entries, List<ValueEntry> Values)>> LoadAffectedAsync(
        IReadOnlyCollection<Item> items, IReadOnlyCollection<long> seeds, bool downstream)
    {
        var entries = new Dictionary<long, ItemLedgerEntry>();
        var applications = new Dictionary<long, ItemApplicationEntry>();
        var changed = seeds.ToHashSet();
        var allApplicationsLoaded = new HashSet<long>(); // inbound entries with every application in `applications`

        // 1. Downstream: who takes cost from a changed entry.
        var frontier = changed.ToList();
        while (frontier.Count > 0)
        {
            await LoadEntriesAsync(entries, frontier);
            var next = new List<long>();
            var inbound = frontier.Where(no => entries[no].Positive).ToList();
            if (downstream)
            {
                foreach (var application in await ApplicationsFromAsync(inbound))
                {
                    applications[application.EntryNo] = application;
                    if (changed.Add(application.OutboundEntryNo))
                    {
                        next.Add(application.OutboundEntryNo);
                    }
                }

                allApplicationsLoaded.UnionWith(inbound);
                foreach (var entry in await TakingCostFromAsync(frontier.Where(no => !entries[no].Positive).ToList()))
                {
                    entries[entry.EntryNo] = entry;
                    if (changed.Add(entry.EntryNo))
                    {
                        next.Add(entry.EntryNo);
                    }
                }
            }
            else
            {
                // The cost left on a seeded inbound entry (a revaluation's base) and its rounding residual need all its
                // applications; the outbound entries behind them keep their cost, so they are not loaded.
                foreach (var application in await ApplicationsFromAsync(inbound))
                {
                    applications[application.EntryNo] = application;
                }

                allApplicationsLoaded.UnionWith(inbound);
            }

            frontier = next;
        }

        // 2. Upstream: what the cost of a loaded entry is computed from, until nothing new is needed.
        var outboundDone = new HashSet<long>();
        frontier = [.. entries.Keys];
        while (frontier.Count > 0)
        {
            var outbound = frontier.Where(no => !entries[no].Positive && outboundDone.Add(no)).ToList();
            var next = new HashSet<long>();
            foreach (var application in await ApplicationsOfAsync(outbound))
            {
                applications[application.EntryNo] = application;
                next.Add(application.InboundEntryNo);
            }

            foreach (var no in frontier.Where(no => entries[no].Positive && entries[no].CostSourceEntry != 0))
            {
                next.Add(entries[no].CostSourceEntry);
            }

            next.ExceptWith(entries.Keys);
            await LoadEntriesAsync(entries, next);
            frontier = [.. next];
        }

        // 3. Inbound entries whose applications are only partly loaded: the applications from the earliest one
        // needed on, and the quantity applied before it (quantity − saved remaining − saved applications from it).
        // A fully applied one (no open row left once this posting's applications count) gets all of them instead:
        // its rounding residual is its cost less every application's share (BC books it when remaining is 0).
        var appliedBefore = new Dictionary<long, decimal>();
        var partial = applications.Values.Where(a => !allApplicationsLoaded.Contains(a.InboundEntryNo))
            .GroupBy(a => a.InboundEntryNo).ToDictionary(g => g.Key, g => g.Min(a => a.EntryNo));
        if (partial.Count > 0)
        {
            var saved = new List<ItemApplicationEntry>();
            var savedRemaining = new Dictionary<long, decimal>();
            foreach (var chunk in partial.Keys.Where(no => !newEntryNos.Contains(no)).Chunk(ChunkSize))
            {
                foreach (var open in await db.OpenItemEntries.AsNoTracking().Where(o => chunk.Contains(o.EntryNo))
                    .Select(o => new { o.EntryNo, o.RemainingQuantity }).ToListAsync(cancellationToken))
                {
                    savedRemaining[open.EntryNo] = open.RemainingQuantity;
                }
            }

            foreach (var inboundNo in partial.Keys.ToList())
            {
                var left = newEntryNos.Contains(inboundNo)
                    ? knownEntries[inboundNo].Quantity - newApplications.Where(a => a.InboundEntryNo == inboundNo).Sum(a => a.Quantity)
                    : savedRemaining.GetValueOrDefault(inboundNo) - newApplications.Where(a => a.InboundEntryNo == inboundNo).Sum(a => a.Quantity);
                if (left == 0)
                {
                    partial[inboundNo] = 0;
                }
            }

            // Two ranges, so that one fully applied entry does not load every application of the others.
            foreach (var group in partial.GroupBy(p => p.Value == 0))
            {
                var from = group.Min(p => p.Value);
                if (from >= firstNewApplicationNo)
                {
                    continue; // only this posting's applications are needed: nothing saved to read
                }

                foreach (var chunk in Saved(group.Select(p => p.Key)).Chunk(ChunkSize))
                {
                    saved.AddRange(await db.ItemApplicationEntries.AsNoTracking()
                        .Where(a => chunk.Contains(a.InboundEntryNo) && a.EntryNo >= from).ToListAsync(cancellationToken));
                }
            }

            foreach (var (inboundNo, first) in partial)
            {
                var savedFromFirst = saved.Where(a => a.InboundEntryNo == inboundNo && a.EntryNo >= first).ToList();
                var pending = newApplications.Where(a => a.InboundEntryNo == inboundNo).ToList();
                foreach (var application in savedFromFirst.Concat(pending.Where(a => a.EntryNo >= first)))
                {
                    applications[application.EntryNo] = application;
                }

                // Saved applications never leave an inbound entry's saved remaining quantity (its open row) out of
                // step: remaining = quantity − Σ applications, which the property test checks after every posting.
                // Pending applications come after every saved one.
                var savedBefore = newEntryNos.Contains(inboundNo)
                    ? 0
                    : entries[inboundNo].Quantity - savedRemaining.GetValueOrDefault(inboundNo) - savedFromFirst.Sum(a => a.Quantity);
                var before = savedBefore + pending.Where(a => a.EntryNo < first).Sum(a => a.Quantity);
                if (before != 0)
                {
                    appliedBefore[inboundNo] = before;
                }
            }
        }

        var values = new List<ValueEntry>();
        var savedEntries = entries.Keys.Where(no => !newEntryNos.Contains(no)).ToList();
        foreach (var chunk in savedEntries.Chunk(ChunkSize))
        {
            values.AddRange(await db.ValueEntries.AsNoTracking().Where(v => chunk.Contains(v.ItemLedgerEntryNo)).ToListAsync(cancellationToken));
        }

        values.AddRange(newValues.Where(v => entries.ContainsKey(v.ItemLedgerEntryNo)));
        var parts = new Dictionary<Guid, (ItemCostCalculator, Dictionary<long, ItemLedgerEntry>, List<ValueEntry>)>();
        foreach (var item in items)
        {
            var own = entries.Values.Where(e => e.ItemId == item.Id).ToDictionary(e => e.EntryNo);
            var ownValues = values.Where(v => v.ItemId == item.Id).ToList();
            var calculator = new ItemCostCalculator(
                item.CostingMethod, setup.AverageCostPeriod, item.UnitCost, own.Values, ownValues,
                applications.Values.Where(a => a.ItemId == item.Id), appliedBefore.Where(a => own.ContainsKey(a.Key)).ToDictionary());
            parts[item.Id] = (calculator, own, ownValues);
        }

        return parts;
    }

    private async Task LoadEntriesAsync(Dictionary<long, ItemLedgerEntry> entries, IEnumerable<long> numbers)
    {
        var missing = new List<long>();
        foreach (var no in numbers.Distinct())
        {
            if (entries.ContainsKey(no))
            {
                continue;
            }

            if (newEntryNos.Contains(no))
            {
                entries[no] = knownEntries[no];
            }
            else
            {
                missing.Add(no);
            }
        }

        foreach (var chunk in missing.Chunk(ChunkSize))
        {
            foreach (var entry in await db.ItemLedgerEntries.AsNoTracking().Where(e => chunk.Contains(e.EntryNo)).ToListAsync(cancellationToken))
            {
                entries[entry.EntryNo] = entry;
            }
        }
    }

    /// <summary>The entries of these that were saved before this posting: nothing saved refers to the others yet.</summary>
    private IEnumerable<long> Saved(IEnumerable<long> entryNos) => entryNos.Where(no => !newEntryNos.Contains(no));

    /// <summary>Saved and pending applications that took from these inbound entries.</summary>
    private async Task<List<ItemApplicationEntry>> ApplicationsFromAsync(IReadOnlyCollection<long> inbound)
    {
        var result = new List<ItemApplicationEntry>();
        foreach (var chunk in Saved(inbound).Chunk(ChunkSize))
        {
            result.AddRange(await db.ItemApplicationEntries.AsNoTracking().Where(a => chunk.Contains(a.InboundEntryNo)).ToListAsync(cancellationToken));
        }

        var set = inbound.ToHashSet();
        result.AddRange(newApplications.Where(a => set.Contains(a.InboundEntryNo)));
        return result;
    }

    /// <summary>Saved and pending applications of these outbound entries.</summary>
    private async Task<List<ItemApplicationEntry>> ApplicationsOfAsync(IReadOnlyCollection<long> outbound)
    {
        var result = new List<ItemApplicationEntry>();
        foreach (var chunk in Saved(outbound).Chunk(ChunkSize))
        {
            result.AddRange(await db.ItemApplicationEntries.AsNoTracking().Where(a => chunk.Contains(a.OutboundEntryNo)).ToListAsync(cancellationToken));
        }

        var set = outbound.ToHashSet();
        result.AddRange(newApplications.Where(a => set.Contains(a.OutboundEntryNo)));
        return result;
    }

    /// <summary>Entries that take their cost from one of these outbound entries (transfer receipts, returns).</summary>
    private async Task<List<ItemLedgerEntry>> TakingCostFromAsync(IReadOnlyCollection<long> outbound)
    {
        var result = new List<ItemLedgerEntry>();
        foreach (var chunk in Saved(outbound).Chunk(ChunkSize))
        {
            result.AddRange(await db.ItemLedgerEntries.AsNoTracking().Where(e => chunk.Contains(e.CostSourceEntry)).ToListAsync(cancellationToken));
        }

        var set = outbound.ToHashSet();
        result.AddRange(newEntries.Where(e => e.CostSourceEntry != 0 && set.Contains(e.CostSourceEntry)));
        return result;
    }
}

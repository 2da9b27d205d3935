using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Posting;
using Saas.Write.Common;
using Saas.Write.Finance.Setup;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;
using Saas.Write.Setup;

namespace Saas.Write.Finance.Posting;

/// <summary>One attempt of one posting, inside its transaction. Holds what the posting has written so far.</summary>
internal sealed partial class PostingRun(WriteDbContext db, NumberSeries numbers, TimeProvider clock, CancellationToken cancellationToken)
{
    private readonly InventoryAccounts accounts = new(db);
    private readonly Dictionary<string, Item> itemsByNo = [];
    private readonly Dictionary<Guid, Item> itemsById = [];
    private readonly Dictionary<string, bool> locations = [];
    private readonly HashSet<string> inTransitLocations = [];
    private readonly Dictionary<long, ItemLedgerEntry> knownEntries = [];
    private readonly List<ItemLedgerEntry> newEntries = [];
    private readonly HashSet<long> newEntryNos = [];
    private readonly List<ValueEntry> newValues = [];
    private readonly List<ItemApplicationEntry> newApplications = [];
    private readonly List<GLEntry> newGLEntries = [];
    private readonly Dictionary<long, ValueEntry> ownValueOf = [];
    private readonly HashSet<long> remainingChanged = [];
    private readonly SortedSet<Guid> touchedItems = [];
    private readonly Dictionary<Guid, AverageItemTotals> averageTotals = [];
    private GeneralLedgerSetup setup = null!;
    private PostingCounters counters = null!;
    private long registerNo;
    private long firstNewApplicationNo;
    private string? defaultDocumentNo;
    private string documentSeries = DefaultFinanceSetup.ItemJournalSeries;

    public async Task<PostingResult> PostAsync(ItemPosting posting)
    {
        await LockAsync();
        var requestHash = posting.IdempotencyKey is { Length: > 0 } ? posting.RequestHash ?? PostingIdempotency.Hash(posting) : null;
        if (requestHash is not null
            && await PostingIdempotency.EarlierAsync(db, posting.IdempotencyKey, requestHash, cancellationToken) is { } earlier)
        {
            return await LoadResultAsync(earlier);
        }

        setup = await LoadSetupAsync();
        defaultDocumentNo = Codes.Normalize(posting.DocumentNo) is { Length: > 0 } given ? given : null;
        documentSeries = DefaultFinanceSetup.JournalSeriesFor(posting.SourceCode);
        registerNo = counters.LastRegisterNo + 1;
        await PrefetchAsync(posting.Lines);
        await CheckEveryLineAsync(posting.Lines, posting.SourceCode == ItemPosting.TransferSourceCode);

        for (var i = 0; i < posting.Lines.Count; i++)
        {
            await PostLineAsync(posting.Lines[i], $"lines[{i}].", posting.SourceCode == ItemPosting.TransferSourceCode);
        }

        for (var i = 0; i < posting.Invoices.Count; i++)
        {
            await PostInvoiceAsync(posting.Invoices[i], $"invoices[{i}].");
        }

        for (var i = 0; i < posting.Charges.Count; i++)
        {
            await PostChargeAsync(posting.Charges[i], $"charges[{i}].");
        }

        for (var i = 0; i < posting.Revaluations.Count; i++)
        {
            await PostRevaluationAsync(posting.Revaluations[i], $"revaluations[{i}].");
        }

        // New entries always get their cost now (from their applications or the average); older entries are
        // adjusted now only with automatic cost adjustment, otherwise by AdjustCostAsync.
        await AdjustAsync(touchedItems.ToList(), onlyNewEntries: !setup.AutomaticCostAdjustment, fromScratch: false);
        if (!setup.AutomaticCostAdjustment)
        {
            await MarkUnadjustedAsync();
        }

        return await FinishAsync(posting.SourceCode, posting.IdempotencyKey, requestHash);
    }

    /// <summary>
    /// "Adjust Cost - Item Entries": the named items, else the items postings left unadjusted
    /// (<see cref="CostAdjustmentEntryPoint"/>), each recomputed from scratch; or, with <paramref name="everyItem"/>,
    /// every item with entries (the reference the incremental adjustment is tested against, and what a change of the
    /// costing setup needs).
    /// </summary>
    public async Task<PostingResult> AdjustOnlyAsync(IReadOnlyCollection<string>? itemNos, bool everyItem = false)
    {
        // Nothing marked: one indexed read, no lock (a posting that marks an item meanwhile is simply after this run).
        if (itemNos is null && !everyItem && !await db.CostAdjustmentEntryPoints.AnyAsync(cancellationToken))
        {
            return Nothing;
        }

        await LockAsync();
        List<Guid> ids;
        if (itemNos is not null)
        {
            ids = [];
            foreach (var no in itemNos)
            {
                ids.Add((await ItemAsync(no, "itemNo")).Id);
            }
        }
        else
        {
            ids = everyItem
                ? await db.ItemLedgerEntries.Select(e => e.ItemId).Distinct().ToListAsync(cancellationToken)
                : await db.CostAdjustmentEntryPoints.Select(p => p.ItemId).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return Nothing;
            }

            foreach (var item in await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken))
            {
                Remember(item);
            }
        }

        setup = await LoadSetupAsync();
        registerNo = counters.LastRegisterNo + 1;
        await AdjustAsync(ids.Order().ToList(), onlyNewEntries: false, fromScratch: true);
        await db.CostAdjustmentEntryPoints.Where(p => ids.Contains(p.ItemId)).ExecuteDeleteAsync(cancellationToken);
        return await FinishAsync("INVTADJMT", null, null);
    }

    /// <summary>Marks the items this posting left unadjusted, from the earliest date it changed (kept if earlier).</summary>
    private async Task MarkUnadjustedAsync()
    {
        var changed = newEntries.Select(e => (e.ItemId, Date: e.PostingDate))
            .Concat(newValues.Select(v => (v.ItemId, Date: v.ValuationDate)))
            .GroupBy(c => c.ItemId)
            .ToDictionary(g => g.Key, g => g.Min(c => c.Date));
        var ids = changed.Keys.ToList();
        var marked = await db.CostAdjustmentEntryPoints.Where(p => ids.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, cancellationToken);
        foreach (var (itemId, date) in changed)
        {
            if (marked.TryGetValue(itemId, out var point))
            {
                point.ValuationDate = date < point.ValuationDate ? date : point.ValuationDate;
            }
            else
            {
                db.CostAdjustmentEntryPoints.Add(new CostAdjustmentEntryPoint { TenantId = db.CurrentTenantId, ItemId = itemId, ValuationDate = date });
            }
        }
    }

    /// <summary>Takes the company's posting lock (<see cref="PostingLock"/>) and its counters row.</summary>
    private async Task LockAsync()
    {
        counters = await PostingLock.TakeWithCountersAsync(db, cancellationToken);
        firstNewApplicationNo = counters.LastApplicationEntryNo + 1;
    }

    private async Task<GeneralLedgerSetup> LoadSetupAsync() =>
        await db.GeneralLedgerSetups.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
        ?? throw ValidationFailedException.For("generalLedgerSetup", "General Ledger Setup does not exist for this company.");

    // ---------------------------------------------------------------- lines

    /// <summary>
    /// The rules a line can break on its own (item, location, date), checked for every line before any is posted, so
    /// that a journal with several wrong lines learns of all of them at once instead of one per attempt. The items and
    /// locations are prefetched, so this costs no statement; what depends on posting order (stock to apply) is still
    /// found while posting.
    /// </summary>
    private async Task CheckEveryLineAsync(IReadOnlyList<ItemPostingLine> lines, bool transferOrder)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, field) = (lines[i], $"lines[{i}].");
            try
            {
                CheckItem(await ItemAsync(line.ItemNo, field + "itemNo"), line, field);
                CheckDate(line.PostingDate, field + "postingDate");
                CheckInTransit(await LocationAsync(line.LocationCode, field + "locationCode"), transferOrder, field + "locationCode");
                if (line.EntryType == ItemLedgerEntryType.Transfer)
                {
                    CheckInTransit(await LocationAsync(line.NewLocationCode, field + "newLocationCode"), transferOrder, field + "newLocationCode");
                }
            }
            catch (ValidationFailedException invalid)
            {
                foreach (var (name, reasons) in invalid.Errors)
                {
                    errors[name] = reasons;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    private async Task PostLineAsync(ItemPostingLine line, string field, bool transferOrder)
    {
        var item = await ItemAsync(line.ItemNo, field + "itemNo");
        CheckItem(item, line, field);
        CheckDate(line.PostingDate, field + "postingDate");
        var location = await LocationAsync(line.LocationCode, field + "locationCode");
        CheckInTransit(location, transferOrder, field + "locationCode");
        var document = await DocumentNoAsync(line.DocumentNo);

        if (line.EntryType == ItemLedgerEntryType.Transfer)
        {
            var to = await LocationAsync(line.NewLocationCode, field + "newLocationCode");
            CheckInTransit(to, transferOrder, field + "newLocationCode");

            // A transfer receipt names the in-transit entry it takes the goods (and their cost) from.
            var shipped = NewEntry(item, line, location, -line.Quantity, document, appliesTo: line.AppliesToEntry ?? 0);
            await ApplyOutboundAsync(item, shipped, line.AppliesToEntry, field);
            NewValue(shipped, ValueEntryType.DirectCost, invoiced: true, own: true);
            var received = NewEntry(item, line, to, line.Quantity, document, costSource: shipped.EntryNo);
            await ApplyInboundAsync(item, received);
            NewValue(received, ValueEntryType.DirectCost, invoiced: true, own: true);
            return;
        }

        var quantity = line.IsInbound ? Math.Abs(line.Quantity) : -Math.Abs(line.Quantity);
        if (line.IsInbound)
        {
            var source = line.AppliesFromEntry is { } from ? await CostSourceAsync(item, from, quantity, field + "appliesFromEntry") : 0;
            var entry = NewEntry(item, line, location, quantity, document, costSource: source);
            await ApplyInboundAsync(item, entry);
            var sales = line.EntryType == ItemLedgerEntryType.Sale && line.Invoice ? -ItemCostCalculator.RoundAmount(line.UnitAmount * quantity) : 0;
            if (source != 0)
            {
                NewValue(entry, ValueEntryType.DirectCost, invoiced: line.Invoice, own: true, sales: sales);
                return;
            }

            // Standard cost items come in at standard; the difference to the invoice is a variance.
            var standard = item.CostingMethod == CostingMethod.Standard;
            var unitCost = ItemCostCalculator.RoundUnitCost(line.UnitCost ?? item.UnitCost);
            var standardAmount = ItemCostCalculator.RoundAmount(item.UnitCost * quantity);
            if (!line.Invoice)
            {
                NewValue(entry, ValueEntryType.DirectCost, invoiced: false, own: true,
                    expected: standard ? standardAmount : ItemCostCalculator.RoundAmount(unitCost * quantity), sales: sales);
                return;
            }

            var direct = standard && line.EntryType != ItemLedgerEntryType.Purchase ? standardAmount : ItemCostCalculator.RoundAmount(unitCost * quantity);
            NewValue(entry, ValueEntryType.DirectCost, invoiced: true, own: true, actual: direct, sales: sales);
            if (standard && standardAmount != direct)
            {
                NewValue(entry, ValueEntryType.Variance, invoiced: false, actual: standardAmount - direct);
            }
            else if (!standard && line.IndirectCostPercent > 0)
            {
                NewValue(entry, ValueEntryType.IndirectCost, invoiced: false,
                    actual: ItemCostCalculator.RoundAmount(direct * line.IndirectCostPercent / 100));
            }

            return;
        }

        var outbound = NewEntry(item, line, location, quantity, document, appliesTo: line.AppliesToEntry ?? 0);
        await ApplyOutboundAsync(item, outbound, line.AppliesToEntry, field);
        var salesAmount = line.EntryType == ItemLedgerEntryType.Sale && line.Invoice ? ItemCostCalculator.RoundAmount(line.UnitAmount * -quantity) : 0;
        NewValue(outbound, ValueEntryType.DirectCost, invoiced: line.Invoice, own: true, sales: salesAmount);
    }

    /// <summary>BC: goods reach or leave an in-transit location only through a transfer order's shipment or receipt.</summary>
    private void CheckInTransit(string location, bool transferOrder, string field)
    {
        if (!transferOrder && inTransitLocations.Contains(location))
        {
            throw ValidationFailedException.For(field, $"Location {location} is an in-transit location: only transfer orders post there.");
        }
    }

    private static void CheckItem(Item item, ItemPostingLine line, string field)
    {
        if (item.Type != ItemType.Inventory)
        {
            throw ValidationFailedException.For(field + "itemNo",
                $"Item {item.Number} is of type {BcEnum.ToWord(item.Type)}: only Inventory items have item ledger entries.");
        }

        if (item.CostingMethod == CostingMethod.Specific)
        {
            throw ValidationFailedException.For(field + "itemNo", $"Item {item.Number} uses costing method Specific, which needs item tracking.");
        }

        if (item.Blocked)
        {
            throw ValidationFailedException.For(field + "itemNo", $"Item {item.Number} is blocked.");
        }

        // Returns stay allowed for sales- or purchasing-blocked items, as in BC.
        if (item.SalesBlocked && line.EntryType == ItemLedgerEntryType.Sale && line.Quantity > 0)
        {
            throw ValidationFailedException.For(field + "itemNo", $"Item {item.Number} is blocked for sales.");
        }

        if (item.PurchasingBlocked && line.EntryType == ItemLedgerEntryType.Purchase && line.Quantity > 0)
        {
            throw ValidationFailedException.For(field + "itemNo", $"Item {item.Number} is blocked for purchasing.");
        }
    }

    private void CheckDate(DateOnly date, string field)
    {
        if (setup.RefusePostingDate(date) is { } reason)
        {
            throw ValidationFailedException.For(field, reason);
        }
    }

    private ItemLedgerEntry NewEntry(
        Item item, ItemPostingLine line, string location, decimal quantity, string document, long costSource = 0, long appliesTo = 0)
    {
        var entry = new ItemLedgerEntry
        {
            TenantId = db.CurrentTenantId,
            EntryNo = ++counters.LastItemLedgerEntryNo,
            ItemId = item.Id,
            ItemNo = item.Number,
            PostingDate = line.PostingDate,
            EntryType = line.EntryType,
            DocumentNo = document,
            Description = line.Description.Trim().Length > 0 ? line.Description.Trim() : item.DisplayName,
            LocationCode = location,
            Quantity = quantity,
            Positive = quantity > 0,
            AppliesToEntry = appliesTo,
            CostSourceEntry = costSource,
            UnappliedUnitCost = item.UnitCost,
            GenBusPostingGroup = Codes.Normalize(line.GenBusPostingGroup),
            GenProdPostingGroup = item.GenProdPostingGroup,
            InventoryPostingGroup = item.InventoryPostingGroup,
            RegisterNo = registerNo,
        };
        newEntries.Add(entry);
        newEntryNos.Add(entry.EntryNo);
        knownEntries[entry.EntryNo] = entry;
        touchedItems.Add(item.Id);
        return entry;
    }

    private ValueEntry NewValue(
        ItemLedgerEntry entry, ValueEntryType type, bool invoiced, bool own = false, decimal expected = 0, decimal actual = 0,
        decimal sales = 0, decimal invoicedQuantity = 0, DateOnly? postingDate = null, DateOnly? valuationDate = null,
        bool adjustment = false, decimal valuedQuantity = 0, string? documentNo = null)
    {
        var value = new ValueEntry
        {
            TenantId = db.CurrentTenantId,
            EntryNo = ++counters.LastValueEntryNo,
            ItemLedgerEntryNo = entry.EntryNo,
            ItemId = entry.ItemId,
            ItemNo = entry.ItemNo,
            PostingDate = postingDate ?? entry.PostingDate,
            ValuationDate = valuationDate ?? entry.PostingDate,
            EntryType = type,
            ItemLedgerEntryType = entry.EntryType,
            DocumentNo = documentNo ?? entry.DocumentNo,
            LocationCode = entry.LocationCode,
            ItemLedgerEntryQuantity = own && newEntryNos.Contains(entry.EntryNo) && !ownValueOf.ContainsKey(entry.EntryNo) ? entry.Quantity : 0,
            InvoicedQuantity = invoiced ? (invoicedQuantity != 0 ? invoicedQuantity : entry.Quantity) : 0,
            ValuedQuantity = valuedQuantity != 0 ? valuedQuantity : (invoiced ? (invoicedQuantity != 0 ? invoicedQuantity : entry.Quantity) : entry.Quantity),
            CostAmountExpected = expected,
            CostAmountActual = actual,
            SalesAmountActual = sales,
            Adjustment = adjustment,
            GenBusPostingGroup = entry.GenBusPostingGroup,
            GenProdPostingGroup = entry.GenProdPostingGroup,
            InventoryPostingGroup = entry.InventoryPostingGroup,
            RegisterNo = registerNo,
        };
        newValues.Add(value);
        if (own)
        {
            ownValueOf[entry.EntryNo] = value;
        }

        touchedItems.Add(entry.ItemId);
        return value;
    }

    // ---------------------------------------------------------------- application

    /// <summary>
    /// Applies an outbound entry to open inbound entries of its item and location: the one it names (fixed
    /// application), else in the costing method's order: oldest first (FIFO, Average, Standard) or newest first
    /// (LIFO). What finds no inbound quantity stays open as negative inventory, if the setup allows it.
    /// </summary>
    private async Task ApplyOutboundAsync(Item item, ItemLedgerEntry outbound, long? appliesTo, string field)
    {
        var window = await OpenEntriesAsync(item, outbound.LocationCode);
        var needed = -outbound.Quantity;
        if (appliesTo is { } fixedTo)
        {
            var target = await OpenEntryAsync(window, item.Id, outbound.LocationCode, fixedTo);
            if (target is not { Positive: true } || target.RemainingQuantity < needed)
            {
                throw ValidationFailedException.For(field + "appliesToEntry", target is not { Positive: true }
                    ? $"Item Ledger Entry {fixedTo} is not an open inbound entry of item {item.Number} at location {GeneralPostingSetup.Show(outbound.LocationCode)}."
                    : $"Item Ledger Entry {fixedTo} has only {target.RemainingQuantity} remaining; {needed} cannot be applied to it.");
            }

            Apply(window, target, outbound.EntryNo, outbound, needed, inboundIsNew: false);
            return;
        }

        // Oldest first (FIFO, Average, Standard) or newest first (LIFO), a page at a time.
        do
        {
            foreach (var candidate in window.Inbound())
            {
                var take = Math.Min(needed, candidate.RemainingQuantity);
                Apply(window, candidate, outbound.EntryNo, outbound, take, inboundIsNew: false);
                needed -= take;
                if (needed == 0)
                {
                    return;
                }
            }
        }
        while (await ReadNextPageAsync(window, item.Id, outbound.LocationCode, positive: true));

        if (!setup.AllowNegativeInventory)
        {
            var available = window.Entries.Where(o => o.Positive).Sum(o => o.RemainingQuantity) + (-outbound.Quantity - needed);
            throw ValidationFailedException.For(field + "quantity",
                $"You have insufficient quantity of Item {item.Number} on inventory at location {GeneralPostingSetup.Show(outbound.LocationCode)}: " +
                $"{Quantities.Show(available)} available, {Quantities.Show(-outbound.Quantity)} needed.");
        }

        AddOpen(window, outbound, -needed);
    }

    /// <summary>An inbound entry first covers open negative inventory (oldest first), as BC applies it; the rest stays open.</summary>
    private async Task ApplyInboundAsync(Item item, ItemLedgerEntry inbound)
    {
        var window = await OpenEntriesAsync(item, inbound.LocationCode);
        var left = inbound.Quantity;
        do
        {
            foreach (var negative in window.Outbound())
            {
                var take = Math.Min(left, -negative.RemainingQuantity);
                Apply(window, negative, inbound.EntryNo, inbound, take, inboundIsNew: true);
                left -= take;
                if (left == 0)
                {
                    return;
                }
            }
        }
        while (await ReadNextPageAsync(window, item.Id, inbound.LocationCode, positive: false));

        AddOpen(window, inbound, left);
    }

    private void Apply(OpenEntryWindow window, OpenItemEntry other, long newEntryNo, ItemLedgerEntry newEntry, decimal quantity, bool inboundIsNew)
    {
        var application = new ItemApplicationEntry
        {
            TenantId = db.CurrentTenantId,
            EntryNo = ++counters.LastApplicationEntryNo,
            ItemId = newEntry.ItemId,
            InboundEntryNo = inboundIsNew ? newEntryNo : other.EntryNo,
            OutboundEntryNo = inboundIsNew ? other.EntryNo : newEntryNo,
            ItemLedgerEntryNo = newEntryNo,
            Quantity = quantity,
            PostingDate = newEntry.PostingDate,
        };
        newApplications.Add(application);
        if (db.Entry(other).State == EntityState.Detached)
        {
            // Open entries are read without tracking (a posting reads all of an item's and changes a few): one is
            // attached just before it changes, so only its new remaining quantity (or its removal) is saved.
            db.OpenItemEntries.Attach(other);
        }

        other.RemainingQuantity += other.Positive ? -quantity : quantity;
        remainingChanged.Add(other.EntryNo);
        remainingChanged.Add(newEntryNo);
        if (other.RemainingQuantity == 0)
        {
            db.OpenItemEntries.Remove(other);
            window.Close(other);
        }
    }

    private void AddOpen(OpenEntryWindow window, ItemLedgerEntry entry, decimal remaining)
    {
        var row = new OpenItemEntry
        {
            TenantId = db.CurrentTenantId,
            EntryNo = entry.EntryNo,
            ItemId = entry.ItemId,
            LocationCode = entry.LocationCode,
            Positive = entry.Positive,
            PostingDate = entry.PostingDate,
            RemainingQuantity = remaining,
        };
        db.OpenItemEntries.Add(row);
        window.AddNew(row);
        remainingChanged.Add(entry.EntryNo);
    }

    /// <summary>
    /// Reads the lines' items, locations and open entries in three statements instead of three per line; the
    /// per-line look-ups then find them (and still refuse what does not exist, naming the line's field).
    /// </summary>
    private async Task PrefetchAsync(IReadOnlyList<ItemPostingLine> lines)
    {
        var itemNos = lines.Select(l => Codes.Normalize(l.ItemNo)).Where(no => no.Length > 0 && !itemsByNo.ContainsKey(no)).Distinct().ToList();
        if (itemNos.Count > 1)
        {
            foreach (var item in await db.Items.AsNoTracking().Where(i => itemNos.Contains(i.Number)).ToListAsync(cancellationToken))
            {
                Remember(item);
            }
        }

        var codes = lines.SelectMany(l => new[] { Codes.Normalize(l.LocationCode), Codes.Normalize(l.NewLocationCode) })
            .Where(c => c.Length > 0 && !locations.ContainsKey(c)).Distinct().ToList();
        if (codes.Count > 1)
        {
            var found = await db.Locations.AsNoTracking().Where(l => codes.Contains(l.Code)).Select(l => new { l.Code, l.UseAsInTransit }).ToListAsync(cancellationToken);
            foreach (var code in codes)
            {
                var location = found.SingleOrDefault(l => l.Code == code);
                locations[code] = location is not null;
                if (location?.UseAsInTransit == true)
                {
                    inTransitLocations.Add(code);
                }
            }
        }

        // A blank location code is a location of its own (BC); a blank new location code is no transfer.
        var pairs = lines
            .Where(l => itemsByNo.ContainsKey(Codes.Normalize(l.ItemNo)))
            .SelectMany(l => Codes.Normalize(l.NewLocationCode) is { Length: > 0 } to
                ? new[] { Codes.Normalize(l.LocationCode), to }
                : [Codes.Normalize(l.LocationCode)], (l, location) => (Item: itemsByNo[Codes.Normalize(l.ItemNo)], Location: location))
            .Where(p => !openEntries.ContainsKey((p.Item.Id, p.Location)))
            .DistinctBy(p => (p.Item.Id, p.Location)).ToList();
        if (pairs.Count > 1)
        {
            await ReadFrontsAsync(pairs);
        }
    }

    /// <summary>Checks the outbound entry a return takes its cost from, and that no more comes back than left.</summary>
    private async Task<long> CostSourceAsync(Item item, long sourceNo, decimal quantity, string field)
    {
        var source = await EntryAsync(sourceNo, field);
        if (source.ItemId != item.Id || source.Positive)
        {
            throw ValidationFailedException.For(field, $"Item Ledger Entry {sourceNo} is not an outbound entry of item {item.Number}.");
        }

        var returned = newEntries.Where(e => e.CostSourceEntry == sourceNo).Sum(e => e.Quantity)
            + (await db.ItemLedgerEntries.AsNoTracking().Where(e => e.CostSourceEntry == sourceNo && e.ItemId == item.Id)
                .Select(e => e.Quantity).ToListAsync(cancellationToken)).Sum();
        if (returned + quantity > -source.Quantity)
        {
            throw ValidationFailedException.For(field,
                $"Item Ledger Entry {sourceNo} shipped {-source.Quantity}; {returned} came back already, so {quantity} more cannot.");
        }

        return sourceNo;
    }

    // ---------------------------------------------------------------- invoices, charges, revaluations

    private async Task PostInvoiceAsync(ItemInvoiceLine line, string field)
    {
        var entry = await EntryAsync(line.ItemLedgerEntryNo, field + "itemLedgerEntryNo");
        var item = await ItemByIdAsync(entry.ItemId);
        CheckDate(line.PostingDate, field + "postingDate");
        var document = await DocumentNoAsync(line.DocumentNo);
        var values = await ValuesOfAsync(entry);
        var uninvoiced = entry.Quantity - values.Sum(v => v.InvoicedQuantity);
        var quantity = entry.Positive ? line.Quantity : -line.Quantity;
        if (Math.Abs(quantity) > Math.Abs(uninvoiced))
        {
            throw ValidationFailedException.For(field + "quantity",
                $"Item Ledger Entry {entry.EntryNo} has {Math.Abs(uninvoiced)} not invoiced; {line.Quantity} cannot be invoiced.");
        }

        var sales = entry.EntryType == ItemLedgerEntryType.Sale ? -ItemCostCalculator.RoundAmount(line.UnitAmount * quantity) : 0;
        if (ItemCostCalculator.IsValuedByOthers(entry))
        {
            // Cost follows from the entries it came from; adjustment moves it from expected to actual below.
            NewValue(entry, ValueEntryType.DirectCost, invoiced: true, own: true, sales: sales, invoicedQuantity: quantity,
                postingDate: line.PostingDate, documentNo: document);
            return;
        }

        var expected = values.Where(v => v.EntryType == ValueEntryType.DirectCost).Sum(v => v.CostAmountExpected);
        var reversal = quantity == uninvoiced ? -expected : -ItemCostCalculator.RoundAmount(expected * quantity / uninvoiced);
        var standard = item.CostingMethod == CostingMethod.Standard;
        var actual = line.UnitCost is { } unitCost
            ? ItemCostCalculator.RoundAmount(ItemCostCalculator.RoundUnitCost(unitCost) * quantity)
            : -reversal;
        NewValue(entry, ValueEntryType.DirectCost, invoiced: true, own: true, expected: reversal, actual: actual, sales: sales,
            invoicedQuantity: quantity, postingDate: line.PostingDate, documentNo: document);
        if (standard && -reversal != actual)
        {
            NewValue(entry, ValueEntryType.Variance, invoiced: false, actual: -reversal - actual, postingDate: line.PostingDate, documentNo: document);
        }
    }

    private async Task PostChargeAsync(ItemChargeLine line, string field)
    {
        var entry = await EntryAsync(line.ItemLedgerEntryNo, field + "itemLedgerEntryNo");
        if (!entry.Positive)
        {
            throw ValidationFailedException.For(field + "itemLedgerEntryNo", $"Item Ledger Entry {entry.EntryNo} is not an inbound entry: item charges are assigned to receipts.");
        }

        CheckDate(line.PostingDate, field + "postingDate");
        var item = await ItemByIdAsync(entry.ItemId);
        var document = await DocumentNoAsync(line.DocumentNo);
        var amount = ItemCostCalculator.RoundAmount(line.Amount);
        NewValue(entry, ValueEntryType.DirectCost, invoiced: false, actual: amount, postingDate: line.PostingDate, documentNo: document);
        if (item.CostingMethod == CostingMethod.Standard)
        {
            NewValue(entry, ValueEntryType.Variance, invoiced: false, actual: -amount, postingDate: line.PostingDate, documentNo: document);
        }
    }

    private async Task PostRevaluationAsync(RevaluationLine line, string field)
    {
        CheckDate(line.PostingDate, field + "postingDate");
        var document = await DocumentNoAsync(line.DocumentNo);
        var newUnitCost = ItemCostCalculator.RoundUnitCost(line.NewUnitCost ?? 0);

        // A value entered as a value is the target itself; a unit cost is multiplied out (BC's two revaluation fields).
        decimal Revalued(decimal quantity) =>
            line.NewInventoryValue is { } value ? ItemCostCalculator.RoundAmount(value) : ItemCostCalculator.RoundAmount(newUnitCost * quantity);
        if (line.AppliesToEntry is { } entryNo)
        {
            var entry = await EntryAsync(entryNo, field + "appliesToEntry");
            var item = await ItemByIdAsync(entry.ItemId);
            if (item.CostingMethod == CostingMethod.Average)
            {
                throw ValidationFailedException.For(field + "appliesToEntry", $"Item {item.Number} uses Average cost: revalue the item, not one entry.");
            }

            var open = await OpenEntryAsync(await OpenEntriesAsync(item, entry.LocationCode), item.Id, entry.LocationCode, entryNo);
            if (open is not { Positive: true })
            {
                throw ValidationFailedException.For(field + "appliesToEntry", $"Item Ledger Entry {entryNo} is not an open inbound entry.");
            }

            var (calculator, _, _) = (await LoadAffectedAsync([item], [entryNo], downstream: false))[item.Id];
            calculator.Calculate();
            var amount = Revalued(open.RemainingQuantity) - calculator.CostOfRemaining(entryNo, open.RemainingQuantity);
            if (amount != 0)
            {
                NewValue(entry, ValueEntryType.Revaluation, invoiced: false, actual: amount, postingDate: line.PostingDate,
                    valuationDate: line.PostingDate, valuedQuantity: open.RemainingQuantity, documentNo: document);
            }

            return;
        }

        var averageItem = await ItemAsync(line.ItemNo!, field + "itemNo");
        if (averageItem.CostingMethod != CostingMethod.Average)
        {
            throw ValidationFailedException.For(field + "itemNo", $"Item {averageItem.Number} uses {averageItem.CostingMethod} cost: revalue its open inbound entries (appliesToEntry).");
        }

        var (all, _, _) = await LoadItemAsync(averageItem);
        all.Calculate();
        var (quantity, value) = all.OnHand();
        if (quantity <= 0)
        {
            throw ValidationFailedException.For(field + "itemNo", $"Item {averageItem.Number} has nothing on inventory to revalue.");
        }

        var delta = Revalued(quantity) - value;
        if (delta != 0)
        {
            // Average cost belongs to the item, not to an entry; BC books it on the item's entries all the same.
            var carrier = newEntries.Where(e => e.ItemId == averageItem.Id && e.Positive).MaxBy(e => e.EntryNo)
                ?? await db.ItemLedgerEntries.AsNoTracking().Where(e => e.ItemId == averageItem.Id && e.Positive)
                    .OrderByDescending(e => e.EntryNo).FirstAsync(cancellationToken);
            NewValue(carrier, ValueEntryType.Revaluation, invoiced: false, actual: delta, postingDate: line.PostingDate,
                valuationDate: line.PostingDate, valuedQuantity: quantity, documentNo: document);
        }
    }

    // ---------------------------------------------------------------- cost adjustment

    /// <summary>
    /// Adjusts every item this posting touched: entries valued by others get the difference between the cost they
    /// should have (<see cref="ItemCostCalculator"/>) and what their value entries say. A new entry's own value
    /// entry takes the cost directly; older entries get adjustment entries (BC's Adjustment = Yes), dated at the
    /// entry's posting date or the first open date after a closed period.
    /// </summary>
    private async Task AdjustAsync(IReadOnlyList<Guid> itemIds, bool onlyNewEntries, bool fromScratch)
    {
        var items = new List<Item>();
        foreach (var itemId in itemIds)
        {
            items.Add(await ItemByIdAsync(itemId));
        }

        // FIFO, LIFO and Standard items: the parts of their ledgers this posting reaches, read for all items at once.
        var chained = fromScratch ? [] : items.Where(i => i.CostingMethod != CostingMethod.Average).ToList();
        var affected = chained.Count > 0 ? await LoadAffectedAsync(chained, onlyNewEntries) : [];
        foreach (var item in items)
        {
            // Average cost is a property of whole periods: with automatic adjustment (everything adjusted before) from
            // the earliest period this posting changed on (PostingRun.Average.cs), otherwise from the whole ledger.
            var fromChanges = !fromScratch && !onlyNewEntries && item.CostingMethod == CostingMethod.Average
                ? await LoadAverageFromChangesAsync(item)
                : null;
            var (calculator, entries, values) = fromChanges
                ?? (affected.TryGetValue(item.Id, out var part) ? part : await LoadItemAsync(item));
            var targets = calculator.Calculate();
            if (calculator.NeedsEarlierStart)
            {
                (calculator, entries, values) = await LoadItemAsync(item);
                targets = calculator.Calculate();
            }
            var valuesByEntry = values.GroupBy(v => v.ItemLedgerEntryNo).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (entryNo, target) in targets.OrderBy(t => t.Key))
            {
                if (onlyNewEntries && !ownValueOf.ContainsKey(entryNo))
                {
                    continue;
                }

                var entry = entries[entryNo];
                var own = valuesByEntry.GetValueOrDefault(entryNo) ?? [];
                var invoiced = own.Sum(v => v.InvoicedQuantity);
                var nominal = own.Where(v => v.EntryType is not (ValueEntryType.Rounding or ValueEntryType.Revaluation)).ToList();
                var (nominalExpected, nominalActual) = Split(target.Nominal, invoiced, entry.Quantity);
                var deltaExpected = nominalExpected - nominal.Sum(v => v.CostAmountExpected);
                var deltaActual = nominalActual - nominal.Sum(v => v.CostAmountActual);
                if (deltaExpected != 0 || deltaActual != 0)
                {
                    if (ownValueOf.TryGetValue(entryNo, out var fresh) && fresh.EntryType == ValueEntryType.DirectCost)
                    {
                        fresh.CostAmountExpected += deltaExpected;
                        fresh.CostAmountActual += deltaActual;
                    }
                    else
                    {
                        NewValue(entry, ValueEntryType.DirectCost, invoiced: false, expected: deltaExpected, actual: deltaActual,
                            postingDate: setup.FirstOpenDate(entry.PostingDate), adjustment: true);
                    }
                }

                BookRounding(entry, own, target.Rounding);
            }

            // FIFO, LIFO, Standard: the residual a fully applied inbound entry keeps (ItemCostCalculator's remarks).
            foreach (var (entryNo, residual) in calculator.InboundRounding.OrderBy(r => r.Key))
            {
                if (!onlyNewEntries || ownValueOf.ContainsKey(entryNo))
                {
                    BookRounding(entries[entryNo], valuesByEntry.GetValueOrDefault(entryNo) ?? [], residual);
                }
            }
        }
    }

    /// <summary>
    /// Books the difference between an entry's rounding and its Rounding value entries, split like its cost. An
    /// outbound entry's (Average period residue) is dated at the entry; an inbound entry's at its last invoiced value
    /// entry, as BC dates the residual of a fully applied inbound entry.
    /// </summary>
    private void BookRounding(ItemLedgerEntry entry, List<ValueEntry> own, decimal rounding)
    {
        var (expected, actual) = Split(rounding, own.Sum(v => v.InvoicedQuantity), entry.Quantity);
        var booked = own.Where(v => v.EntryType == ValueEntryType.Rounding).ToList();
        var deltaExpected = expected - booked.Sum(v => v.CostAmountExpected);
        var deltaActual = actual - booked.Sum(v => v.CostAmountActual);
        if (deltaExpected == 0 && deltaActual == 0)
        {
            return;
        }

        var date = entry.Positive
            ? own.Where(v => v.InvoicedQuantity != 0).MaxBy(v => v.EntryNo)?.PostingDate ?? entry.PostingDate
            : entry.PostingDate;
        NewValue(entry, ValueEntryType.Rounding, invoiced: false, expected: deltaExpected, actual: deltaActual,
            postingDate: setup.FirstOpenDate(date), adjustment: true);
    }

    /// <summary>The invoiced share of a cost is actual, the rest expected (BC's Cost Amount (Actual) / (Expected)).</summary>
    private static (decimal Expected, decimal Actual) Split(decimal total, decimal invoiced, decimal quantity)
    {
        if (invoiced == quantity)
        {
            return (0, total);
        }

        if (invoiced == 0)
        {
            return (total, 0);
        }

        var actual = ItemCostCalculator.RoundAmount(total * invoiced / quantity);
        return (total - actual, actual);
    }

    private async Task<(ItemCostCalculator Calculator, Dictionary<long, ItemLedgerEntry> Entries, List<ValueEntry> Values)> LoadItemAsync(Item item)
    {
        // Saved rows from the database, plus what this posting has added but not saved yet.
        var entries = await db.ItemLedgerEntries.AsNoTracking().Where(e => e.ItemId == item.Id).ToListAsync(cancellationToken);
        var values = await db.ValueEntries.AsNoTracking().Where(v => v.ItemId == item.Id).ToListAsync(cancellationToken);
        var applications = await db.ItemApplicationEntries.AsNoTracking().Where(a => a.ItemId == item.Id).ToListAsync(cancellationToken);
        entries.AddRange(newEntries.Where(e => e.ItemId == item.Id));
        values.AddRange(newValues.Where(v => v.ItemId == item.Id));
        applications.AddRange(newApplications.Where(a => a.ItemId == item.Id));
        var calculator = new ItemCostCalculator(item.CostingMethod, setup.AverageCostPeriod, item.UnitCost, entries, values, applications);
        return (calculator, entries.ToDictionary(e => e.EntryNo), values);
    }

    private async Task<List<ValueEntry>> ValuesOfAsync(ItemLedgerEntry entry)
    {
        var saved = await db.ValueEntries.AsNoTracking().Where(v => v.ItemLedgerEntryNo == entry.EntryNo).ToListAsync(cancellationToken);
        saved.AddRange(newValues.Where(v => v.ItemLedgerEntryNo == entry.EntryNo));
        return saved;
    }

    // ---------------------------------------------------------------- G/L, register, event

    private async Task<PostingResult> FinishAsync(string sourceCode, string? idempotencyKey, string? requestHash)
    {
        if (newEntries.Count == 0 && newValues.Count == 0)
        {
            // Nothing changed (an adjustment with nothing to adjust): no register, no numbers taken.
            return Nothing;
        }

        counters.LastRegisterNo = registerNo;
        var transactionNo = ++counters.LastTransactionNo;
        foreach (var value in newValues.OrderBy(v => v.EntryNo))
        {
            foreach (var (account, amount) in await accounts.LinesForAsync(value, setup.ExpectedCostPostingToGL, cancellationToken))
            {
                var entry = new GLEntry
                {
                    TenantId = db.CurrentTenantId,
                    EntryNo = ++counters.LastGLEntryNo,
                    TransactionNo = transactionNo,
                    GLAccountNo = account,
                    PostingDate = value.PostingDate,
                    DocumentNo = value.DocumentNo,
                    Description = $"{value.ItemNo} {BcEnum.ToWord(value.ItemLedgerEntryType)}",
                    Amount = amount,
                    ValueEntryNo = value.EntryNo,
                    SourceCode = sourceCode,
                    RegisterNo = registerNo,
                };
                newGLEntries.Add(entry);
            }
        }

        // BC's last line of defence: a transaction that does not balance is never committed.
        var imbalance = newGLEntries.Sum(e => e.Amount);
        if (imbalance != 0)
        {
            throw new InvalidOperationException($"The G/L entries of transaction {transactionNo} do not balance (difference {imbalance}).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var register = new GLRegister
        {
            TenantId = db.CurrentTenantId,
            No = registerNo,
            TransactionNo = transactionNo,
            SourceCode = sourceCode,
            IdempotencyKey = idempotencyKey is { Length: > 0 } ? idempotencyKey : null,
            RequestHash = idempotencyKey is { Length: > 0 } ? requestHash : null,
            FromGLEntryNo = counters.LastGLEntryNo - newGLEntries.Count + 1,
            ToGLEntryNo = counters.LastGLEntryNo,
            FromItemLedgerEntryNo = counters.LastItemLedgerEntryNo - newEntries.Count + 1,
            ToItemLedgerEntryNo = counters.LastItemLedgerEntryNo,
            FromValueEntryNo = counters.LastValueEntryNo - newValues.Count + 1,
            ToValueEntryNo = counters.LastValueEntryNo,
            FromApplicationEntryNo = counters.LastApplicationEntryNo - newApplications.Count + 1,
            ToApplicationEntryNo = counters.LastApplicationEntryNo,
            CreatedUtc = now,
        };
        db.GLRegisters.Add(register);

        var openByNo = openEntries.Values.SelectMany(w => w.Entries).ToDictionary(o => o.EntryNo);
        var remaining = remainingChanged.Order().Select(no =>
        {
            var open = openByNo.GetValueOrDefault(no);
            return new RemainingQuantityChanged(no, open?.RemainingQuantity ?? 0, open is not null);
        }).ToList();
        await AddToAverageTotalsAsync();
        var position = db.Enqueue(ToEvent(register, remaining), now);

        // The ledger rows are only ever inserted: one statement per table, without the change tracker (LedgerInserts).
        await new LedgerInserts(db).Add(newEntries).Add(newValues).Add(newApplications).Add(newGLEntries).WriteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PostingResult(registerNo, transactionNo, false, newEntries, newValues, newApplications, newGLEntries, position);
    }

    private static PostingResult Nothing => new(0, 0, false, [], [], [], [], null);

    private EntriesPosted ToEvent(GLRegister register, IReadOnlyList<RemainingQuantityChanged> remaining) => new()
    {
        TenantId = db.CurrentTenantId,
        RegisterNo = register.No,
        TransactionNo = register.TransactionNo,
        SourceCode = register.SourceCode,
        CreatedUtc = register.CreatedUtc,
        ItemLedgerEntries = newEntries.Select(e => new ItemLedgerEntryPosted(
            e.EntryNo, e.ItemId, e.ItemNo, e.PostingDate, BcEnum.ToWord(e.EntryType), e.DocumentNo, e.Description, e.LocationCode,
            e.Quantity, e.AppliesToEntry, e.CostSourceEntry)).ToList(),
        ValueEntries = newValues.OrderBy(v => v.EntryNo).Select(v => new ValueEntryPosted(
            v.EntryNo, v.ItemLedgerEntryNo, v.ItemId, v.ItemNo, v.PostingDate, v.ValuationDate, BcEnum.ToWord(v.EntryType),
            BcEnum.ToWord(v.ItemLedgerEntryType), v.DocumentNo, v.LocationCode, v.ItemLedgerEntryQuantity, v.InvoicedQuantity,
            v.CostAmountExpected, v.CostAmountActual, v.SalesAmountActual, v.Adjustment)).ToList(),
        Applications = newApplications.Select(a => new ItemApplicationPosted(
            a.EntryNo, a.ItemId, a.InboundEntryNo, a.OutboundEntryNo, a.Quantity, a.PostingDate)).ToList(),
        GLEntries = newGLEntries.Select(g => new GLEntryPosted(
            g.EntryNo, g.TransactionNo, g.GLAccountNo, g.PostingDate, g.DocumentNo, g.Description, g.Amount, g.ValueEntryNo)).ToList(),
        RemainingQuantities = remaining,
    };

    private async Task<PostingResult> LoadResultAsync(GLRegister register)
    {
        var entries = await db.ItemLedgerEntries.AsNoTracking()
            .Where(e => e.EntryNo >= register.FromItemLedgerEntryNo && e.EntryNo <= register.ToItemLedgerEntryNo)
            .OrderBy(e => e.EntryNo).ToListAsync(cancellationToken);
        var values = await db.ValueEntries.AsNoTracking()
            .Where(e => e.EntryNo >= register.FromValueEntryNo && e.EntryNo <= register.ToValueEntryNo)
            .OrderBy(e => e.EntryNo).ToListAsync(cancellationToken);
        var applications = await db.ItemApplicationEntries.AsNoTracking()
            .Where(e => e.EntryNo >= register.FromApplicationEntryNo && e.EntryNo <= register.ToApplicationEntryNo)
            .OrderBy(e => e.EntryNo).ToListAsync(cancellationToken);
        var gl = await db.GLEntries.AsNoTracking()
            .Where(e => e.EntryNo >= register.FromGLEntryNo && e.EntryNo <= register.ToGLEntryNo)
            .OrderBy(e => e.EntryNo).ToListAsync(cancellationToken);
        return new PostingResult(register.No, register.TransactionNo, true, entries, values, applications, gl, null);
    }

    // ---------------------------------------------------------------- lookups

    private async Task<Item> ItemAsync(string number, string field)
    {
        var no = Codes.Normalize(number);
        if (!itemsByNo.TryGetValue(no, out var item))
        {
            item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Number == no, cancellationToken)
                ?? throw ValidationFailedException.For(field, $"Item {no} does not exist.");
            Remember(item);
        }

        return item;
    }

    private async Task<Item> ItemByIdAsync(Guid id)
    {
        if (!itemsById.TryGetValue(id, out var item))
        {
            item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken);
            Remember(item);
        }

        return item;
    }

    private void Remember(Item item)
    {
        itemsByNo[item.Number] = item;
        itemsById[item.Id] = item;
    }

    private async Task<ItemLedgerEntry> EntryAsync(long entryNo, string field)
    {
        if (!knownEntries.TryGetValue(entryNo, out var entry))
        {
            entry = await db.ItemLedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.EntryNo == entryNo, cancellationToken)
                ?? throw ValidationFailedException.For(field, $"Item Ledger Entry {entryNo} does not exist.");
            knownEntries[entryNo] = entry;
        }

        return entry;
    }

    private async Task<string> LocationAsync(string code, string field)
    {
        var normalized = Codes.Normalize(code);
        if (normalized.Length == 0)
        {
            return normalized;
        }

        if (!locations.TryGetValue(normalized, out var exists))
        {
            var inTransit = await db.Locations.Where(l => l.Code == normalized).Select(l => (bool?)l.UseAsInTransit).SingleOrDefaultAsync(cancellationToken);
            exists = inTransit is not null;
            locations[normalized] = exists;
            if (inTransit == true)
            {
                inTransitLocations.Add(normalized);
            }
        }

        return exists ? normalized : throw ValidationFailedException.For(field, $"Location {normalized} does not exist.");
    }

    /// <summary>
    /// The line's own document number, else the posting's; without either, the next number of the journal's series
    /// (PHYS-INV for a physical inventory, IJNL otherwise), taken inside this transaction so that a failed posting gives it back.
    /// </summary>
    private async Task<string> DocumentNoAsync(string? lineDocumentNo)
    {
        if (Codes.Normalize(lineDocumentNo) is { Length: > 0 } own)
        {
            return own;
        }

        defaultDocumentNo ??= await numbers.TakeNextAsync(
            documentSeries, "documentNo",
            async candidate => !await db.ItemLedgerEntries.AnyAsync(e => e.DocumentNo == candidate, cancellationToken),
            cancellationToken);
        return defaultDocumentNo;
    }
}

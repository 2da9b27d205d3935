using Microsoft.EntityFrameworkCore;
using Saas.Write.Inventory;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance.Posting;

internal sealed partial class PostingRun
{
    /// <summary>
    /// Open entries read per side of an item and location at first: enough for the applications of a usual posting,
    /// few enough that a posting costs the same whether an item has ten open receipts or a hundred thousand.
    /// </summary>
    internal const int OpenEntriesFirstPage = 16;

    /// <summary>Further pages grow, so that an outbound entry that needs many receipts takes a few statements, not many.</summary>
    private const int OpenEntriesNextPage = 256;

    private readonly Dictionary<(Guid ItemId, string Location), OpenEntryWindow> openEntries = [];

    private async Task<OpenEntryWindow> OpenEntriesAsync(Item item, string location)
    {
        if (!openEntries.TryGetValue((item.Id, location), out var window))
        {
            await ReadFrontsAsync([(item, location)]);
            window = openEntries[(item.Id, location)];
        }

        return window;
    }

    /// <summary>Reads the front of both sides of every pair in one statement (UNION ALL of one page per side).</summary>
    private async Task ReadFrontsAsync(IReadOnlyList<(Item Item, string Location)> pairs)
    {
        IQueryable<OpenItemEntry>? fronts = null;
        foreach (var (item, location) in pairs)
        {
            var both = Front(item, location, positive: true).Concat(Front(item, location, positive: false));
            fronts = fronts is null ? both : fronts.Concat(both);
        }

        var read = fronts is null ? [] : await fronts.ToListAsync(cancellationToken);
        foreach (var (item, location) in pairs)
        {
            var window = new OpenEntryWindow(item.CostingMethod == CostingMethod.LIFO);
            var pair = read.Where(o => o.ItemId == item.Id && o.LocationCode == location).ToList();
            window.AddRead(pair);
            window.InboundEnd = EndOfPage(pair.Where(o => o.Positive).ToList(), window.LastInFirstOut, OpenEntriesFirstPage);
            window.OutboundEnd = EndOfPage(pair.Where(o => !o.Positive).ToList(), newestFirst: false, OpenEntriesFirstPage);
            openEntries[(item.Id, location)] = window;
        }
    }

    private IQueryable<OpenItemEntry> Front(Item item, string location, bool positive)
    {
        var side = db.OpenItemEntries.AsNoTracking()
            .Where(o => o.ItemId == item.Id && o.LocationCode == location && o.Positive == positive);
        return InOrder(side, newestFirst: positive && item.CostingMethod == CostingMethod.LIFO).Take(OpenEntriesFirstPage);
    }

    /// <summary>Reads the next page of one side after the end read so far; returns false when that side was complete.</summary>
    private async Task<bool> ReadNextPageAsync(OpenEntryWindow window, Guid itemId, string location, bool positive)
    {
        var end = positive ? window.InboundEnd : window.OutboundEnd;
        if (end is not { } after)
        {
            return false;
        }

        var newestFirst = positive && window.LastInFirstOut;
        var side = db.OpenItemEntries.AsNoTracking()
            .Where(o => o.ItemId == itemId && o.LocationCode == location && o.Positive == positive);
        side = newestFirst
            ? side.Where(o => o.PostingDate < after.PostingDate || (o.PostingDate == after.PostingDate && o.EntryNo < after.EntryNo))
            : side.Where(o => o.PostingDate > after.PostingDate || (o.PostingDate == after.PostingDate && o.EntryNo > after.EntryNo));
        var page = await InOrder(side, newestFirst).Take(OpenEntriesNextPage).ToListAsync(cancellationToken);
        window.AddRead(page);
        var nextEnd = EndOfPage(page, newestFirst, OpenEntriesNextPage);
        if (positive)
        {
            window.InboundEnd = nextEnd;
        }
        else
        {
            window.OutboundEnd = nextEnd;
        }

        return true;
    }

    /// <summary>Reads one entry a line names (fixed application, revaluation) if the posting has not seen it yet.</summary>
    private async Task<OpenItemEntry?> OpenEntryAsync(OpenEntryWindow window, Guid itemId, string location, long entryNo)
    {
        if (!window.Knows(entryNo))
        {
            window.AddRead(await db.OpenItemEntries.AsNoTracking()
                .Where(o => o.EntryNo == entryNo && o.ItemId == itemId && o.LocationCode == location)
                .ToListAsync(cancellationToken));
        }

        return window.Find(entryNo);
    }

    private static IQueryable<OpenItemEntry> InOrder(IQueryable<OpenItemEntry> side, bool newestFirst) => newestFirst
        ? side.OrderByDescending(o => o.PostingDate).ThenByDescending(o => o.EntryNo)
        : side.OrderBy(o => o.PostingDate).ThenBy(o => o.EntryNo);

    /// <summary>A full page may have more behind it: its last entry is the end; a short page was the rest of the side.</summary>
    private static OpenEntryKey? EndOfPage(List<OpenItemEntry> page, bool newestFirst, int pageSize)
    {
        if (page.Count < pageSize)
        {
            return null;
        }

        var keys = page.Select(OpenEntryKey.Of);
        return newestFirst ? keys.Min() : keys.Max();
    }
}

using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// The open entries of one item at one location that a posting has read or made, in application order. A posting
/// reads only the front of each side (the oldest inbound entries, or the newest for LIFO, and the oldest negative
/// ones) and pages further only when an application needs more, so its cost does not grow with the item's open
/// entries (ADR 010). <see cref="InboundEnd"/>/<see cref="OutboundEnd"/> mark the last entry read from the database
/// in that order; nothing beyond them may be applied before the next page is read.
/// </summary>
internal sealed class OpenEntryWindow(bool lastInFirstOut)
{
    private readonly List<OpenItemEntry> entries = [];

    /// <summary>Every entry number read or made by this posting, including those it has since closed.</summary>
    private readonly HashSet<long> known = [];

    public bool LastInFirstOut { get; } = lastInFirstOut;

    /// <summary>The last inbound entry read, in application order; null once every open inbound entry is here.</summary>
    public OpenEntryKey? InboundEnd { get; set; }

    /// <summary>The last negative (open outbound) entry read, oldest first; null once every one is here.</summary>
    public OpenEntryKey? OutboundEnd { get; set; }

    public IEnumerable<OpenItemEntry> Entries => entries;

    public bool Knows(long entryNo) => known.Contains(entryNo);

    /// <summary>Adds entries read from the database, skipping those this posting already holds (its state is newer).</summary>
    public void AddRead(IEnumerable<OpenItemEntry> read)
    {
        foreach (var entry in read)
        {
            if (known.Add(entry.EntryNo))
            {
                entries.Add(entry);
            }
        }
    }

    public void AddNew(OpenItemEntry entry)
    {
        known.Add(entry.EntryNo);
        entries.Add(entry);
    }

    public void Close(OpenItemEntry entry) => entries.Remove(entry);

    public OpenItemEntry? Find(long entryNo) => entries.Find(e => e.EntryNo == entryNo);

    /// <summary>Open inbound entries that may be applied now, in the costing method's order, up to the end read.</summary>
    public List<OpenItemEntry> Inbound() =>
        Ordered(entries.Where(e => e.Positive && e.RemainingQuantity > 0), LastInFirstOut, InboundEnd);

    /// <summary>Open negative entries (negative inventory) that an inbound entry may cover now, oldest first.</summary>
    public List<OpenItemEntry> Outbound() =>
        Ordered(entries.Where(e => !e.Positive), newestFirst: false, OutboundEnd);

    private static List<OpenItemEntry> Ordered(IEnumerable<OpenItemEntry> side, bool newestFirst, OpenEntryKey? end)
    {
        var ordered = newestFirst
            ? side.OrderByDescending(e => e.PostingDate).ThenByDescending(e => e.EntryNo)
            : side.OrderBy(e => e.PostingDate).ThenBy(e => e.EntryNo);
        return end is { } last
            ? ordered.TakeWhile(e => newestFirst ? OpenEntryKey.Of(e).CompareTo(last) >= 0 : OpenEntryKey.Of(e).CompareTo(last) <= 0).ToList()
            : ordered.ToList();
    }
}

/// <summary>The order in which open entries are applied: posting date, then entry number.</summary>
internal readonly record struct OpenEntryKey(DateOnly PostingDate, long EntryNo) : IComparable<OpenEntryKey>
{
    public static OpenEntryKey Of(OpenItemEntry entry) => new(entry.PostingDate, entry.EntryNo);

    public int CompareTo(OpenEntryKey other) =>
        PostingDate != other.PostingDate ? PostingDate.CompareTo(other.PostingDate) : EntryNo.CompareTo(other.EntryNo);
}

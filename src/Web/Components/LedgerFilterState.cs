using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Saas.Read.Finance;

namespace Saas.Web.Components;

/// <summary>
/// The filters of a ledger list as they travel in the URL (<c>?account=&amp;item=&amp;document=&amp;from=&amp;to=&amp;skip=</c>),
/// so a filtered list can be bookmarked and paged without losing its filters. Navigate's links between entries travel
/// the same way (<c>entry=</c>, <c>itemLedgerEntry=</c>, <c>valueEntry=</c>).
/// </summary>
public sealed record LedgerFilterState
{
    public const int PageSize = 25;

    public string? Account { get; init; }
    public string? Item { get; init; }
    public string? Document { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Entry { get; init; }
    public string? ItemLedgerEntry { get; init; }
    public string? ValueEntry { get; init; }
    public int Skip { get; init; }

    public bool Any => Account is not null || Item is not null || Document is not null || From is not null || To is not null || Linked;

    /// <summary>Filtered to entries linked to one entry (a drill-down from another ledger), which the filter bar has no input for.</summary>
    public bool Linked => Entry is not null || ItemLedgerEntry is not null || ValueEntry is not null;

    public static LedgerFilterState Create(string? account, string? item, string? document, string? from, string? to, int? skip) => new()
    {
        Account = Clean(account),
        Item = Clean(item),
        Document = Clean(document),
        From = Clean(from),
        To = Clean(to),
        Skip = Math.Max(0, skip ?? 0),
    };

    /// <summary>The same filters narrowed to the entries linked to one entry.</summary>
    public LedgerFilterState LinkedTo(string? entry = null, string? itemLedgerEntry = null, string? valueEntry = null) => this with
    {
        Entry = Clean(entry),
        ItemLedgerEntry = Clean(itemLedgerEntry),
        ValueEntry = Clean(valueEntry),
    };

    /// <summary>The read side's filter; a date that does not parse is reported next to its input instead of being ignored.</summary>
    public LedgerFilter? ToFilter(FormErrors errors)
    {
        var from = ParseDate(From, "from", errors);
        var to = ParseDate(To, "to", errors);
        var entry = ParseEntry(Entry, "entry", errors);
        var itemLedgerEntry = ParseEntry(ItemLedgerEntry, "itemLedgerEntry", errors);
        var valueEntry = ParseEntry(ValueEntry, "valueEntry", errors);
        if (errors.Any)
        {
            return null;
        }

        return new LedgerFilter
        {
            AccountNumber = Account,
            ItemNumber = Item,
            DocumentNumber = Document,
            FromDate = from,
            ToDate = to,
            EntryNumber = entry,
            ItemLedgerEntryNumber = itemLedgerEntry,
            ValueEntryNumber = valueEntry,
            Top = PageSize,
            Skip = Skip,
        };
    }

    public static DateOnly? ParseDate(string? text, string field, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{text.Trim()}' is not a date. Use yyyy-MM-dd, e.g. 2027-01-31.");
        return null;
    }

    private static long? ParseEntry(string? text, string field, FormErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(field, $"'{text}' is not an entry number.");
        return null;
    }

    public string Href(string path, int? skip = null)
    {
        var query = new Dictionary<string, string?>();
        Add("account", Account);
        Add("item", Item);
        Add("document", Document);
        Add("from", From);
        Add("to", To);
        Add("entry", Entry);
        Add("itemLedgerEntry", ItemLedgerEntry);
        Add("valueEntry", ValueEntry);
        var effectiveSkip = skip ?? Skip;
        if (effectiveSkip > 0)
        {
            query["skip"] = effectiveSkip.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, query);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query[name] = value;
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Microsoft.AspNetCore.WebUtilities;
using Saas.Read.Common;
using Saas.Read.Finance;

namespace Saas.Web.Components;

/// <summary>
/// The ledger pages' state: a <see cref="ListState"/> like every list (filter pane, page size, saved views), which also
/// reads the parameters of links made before the filter pane (<c>?account=&amp;item=&amp;document=&amp;from=&amp;to=</c>).
/// </summary>
internal static class LedgerLists
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["account"] = "accountNumber",
        ["item"] = "itemNumber",
        ["document"] = "documentNumber",
        ["location"] = "locationCode",
    };

    public static ListState FromUri(string uri)
    {
        var state = ListState.FromUri(uri, Aliases);
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var from = query.TryGetValue("from", out var f) ? f.ToString().Trim() : "";
        var to = query.TryGetValue("to", out var t) ? t.ToString().Trim() : "";
        if ((from.Length > 0 || to.Length > 0) && !state.Filters.ContainsKey("postingDate"))
        {
            // from/to become BC's date range, checked by the same parser as a typed filter.
            var filters = new SortedDictionary<string, string>(state.Filters.ToDictionary(), StringComparer.Ordinal)
            {
                ["postingDate"] = to.Length == 0 ? from + ".." : from + ".." + to,
            };
            state = state with { Filters = filters };
        }

        return state;
    }

    public static Task<(ListState State, Page<T> Page)> LoadAsync<T>(ListState state, Func<LedgerFilter, Task<Page<T>>> load, FormErrors errors) =>
        ListPages.LoadAsync(state, s => load(new LedgerFilter { Filters = s.Filters.Count == 0 ? null : s.Filters, Top = s.Top, Skip = s.Skip }), errors);
}

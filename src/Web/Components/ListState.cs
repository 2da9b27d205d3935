using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Saas.Web.Components;

/// <summary>
/// The state of a list page as it travels in the URL (<c>?q=&amp;sort=&amp;skip=&amp;top=&amp;f.number=10..20</c>), so a
/// filtered, sorted page of a list is a link that can be bookmarked, shared and saved as a view.
/// </summary>
public sealed record ListState
{
    public const int PageSize = 25;

    /// <summary>The page sizes offered; another <c>top</c> in a hand-edited URL falls back to the default.</summary>
    public static readonly IReadOnlyList<int> PageSizes = [PageSize, 50, 100];

    /// <summary>Filters travel as <c>f.{field}</c>: the field names are the API's, so the URL reads like the list's columns.</summary>
    public const string FilterPrefix = "f.";

    public string? Search { get; init; }

    /// <summary>A field name, "-" in front for descending (the read side's convention).</summary>
    public string? Sort { get; init; }

    public int Skip { get; init; }

    public int Top { get; init; } = PageSize;

    /// <summary>BC filter expressions by field, in field order so the same filters always make the same URL.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public bool Filtered => Search is not null || Filters.Count > 0;

    public static ListState From(string? search, string? sort, int? skip) => new()
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        Sort = string.IsNullOrWhiteSpace(sort) ? null : sort.Trim(),
        // A hand-edited URL must not turn into a negative offset.
        Skip = Math.Max(0, skip ?? 0),
    };

    /// <summary>
    /// Everything from a page's address. <paramref name="aliases"/> maps older parameters to filters
    /// (<c>account</c> → <c>accountNumber</c>), so links made before the filter pane keep working.
    /// </summary>
    public static ListState FromUri(string uri, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? One(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;
        var filters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in query)
        {
            var value = values.ToString().Trim();
            if (name.StartsWith(FilterPrefix, StringComparison.Ordinal) && name.Length > FilterPrefix.Length && value.Length > 0)
            {
                filters[name[FilterPrefix.Length..]] = value;
            }
            else if (aliases is not null && aliases.TryGetValue(name, out var field) && value.Length > 0)
            {
                filters.TryAdd(field, value);
            }
        }

        var top = int.TryParse(One("top"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size) ? size : PageSize;
        var skip = int.TryParse(One("skip"), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        return From(One("q"), One("sort"), skip) with { Top = top, Filters = filters };
    }

    /// <summary>
    /// The state of a list without a filter pane (a setup table of a handful of rows, a company's people): search,
    /// sort, offset and page size from the address; <c>f.</c> parameters are not read, as nothing would apply them.
    /// </summary>
    public static ListState SearchOnly(string uri) =>
        FromUri(uri) with { Filters = new SortedDictionary<string, string>(StringComparer.Ordinal) };

    /// <summary>The read side's list query for this state: "-field" becomes a descending sort.</summary>
    public TQuery ToQuery<TQuery>(TQuery query)
        where TQuery : Saas.Read.Common.ListQuery =>
        query with
        {
            Top = Top,
            Skip = Skip,
            Search = Search,
            OrderBy = Sort?.TrimStart('-'),
            Descending = Sort?.StartsWith('-') == true,
            Filters = Filters.Count == 0 ? null : Filters,
        };

    public string Href(string path, string? sort = null, int? skip = null, int? top = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Search is not null)
        {
            query.Add(new("q", Search));
        }

        foreach (var (field, expression) in Filters)
        {
            query.Add(new(FilterPrefix + field, expression));
        }

        var effectiveSort = sort ?? Sort;
        if (!string.IsNullOrEmpty(effectiveSort))
        {
            query.Add(new("sort", effectiveSort));
        }

        var effectiveTop = top ?? Top;
        if (effectiveTop != PageSize)
        {
            query.Add(new("top", effectiveTop.ToString(CultureInfo.InvariantCulture)));
        }

        var effectiveSkip = skip ?? Skip;
        if (effectiveSkip > 0)
        {
            query.Add(new("skip", effectiveSkip.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>The list's query string without the paging offset: what a saved view keeps.</summary>
    public string ViewQuery(string path) => Href(path, skip: 0)[path.Length..];
}

using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Saas.Web.Components;

/// <summary>The state of a list page as it travels in the URL (<c>?q=&amp;sort=&amp;skip=</c>).</summary>
public sealed record ListState
{
    public const int PageSize = 25;

    public string? Search { get; init; }

    /// <summary>A field name, "-" in front for descending (the read side's convention).</summary>
    public string? Sort { get; init; }

    public int Skip { get; init; }

    public int Top { get; init; } = PageSize;

    public static ListState From(string? search, string? sort, int? skip) => new()
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        Sort = string.IsNullOrWhiteSpace(sort) ? null : sort.Trim(),
        // A hand-edited URL must not turn into a negative offset.
        Skip = Math.Max(0, skip ?? 0),
    };

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
        };

    public string Href(string path, string? sort = null, int? skip = null)
    {
        var query = new Dictionary<string, string?>();
        if (Search is not null)
        {
            query["q"] = Search;
        }

        var effectiveSort = sort ?? Sort;
        if (!string.IsNullOrEmpty(effectiveSort))
        {
            query["sort"] = effectiveSort;
        }

        var effectiveSkip = skip ?? Skip;
        if (effectiveSkip > 0)
        {
            query["skip"] = effectiveSkip.ToString(CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString(path, query);
    }
}

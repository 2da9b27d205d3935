using Saas.Read.Common;
using Saas.Write.Common;

namespace Saas.Web.Components;

internal static class ListPages
{
    /// <summary>
    /// Loads a page of a list. A filter the read side refuses is shown next to its input in <paramref name="errors"/>
    /// with an empty list, never an error page. A refused sort can only come from a hand-edited or outdated link; the
    /// list is shown in its default order instead.
    /// </summary>
    public static async Task<(ListState State, Page<T> Page)> LoadAsync<T>(ListState state, Func<ListState, Task<Page<T>>> load, FormErrors? errors = null)
    {
        try
        {
            return (state, await load(state));
        }
        catch (ValidationFailedException e) when (errors is not null && e.Errors.Keys.Any(k => state.Filters.ContainsKey(k) || !k.StartsWith('$')))
        {
            errors.Add(e.Errors);
            return (state, new Page<T>([], 0));
        }
        catch (ValidationFailedException) when (state.Sort is not null)
        {
            var unsorted = state with { Sort = null };
            return (unsorted, await load(unsorted));
        }
    }
}

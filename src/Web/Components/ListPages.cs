using Saas.Read.Common;
using Saas.Write.Common;

namespace Saas.Web.Components;

internal static class ListPages
{
    /// <summary>
    /// Loads a page of a list. A sort the read side refuses can only come from a hand-edited or outdated
    /// link; the list is shown in its default order instead of an error page.
    /// </summary>
    public static async Task<(ListState State, Page<T> Page)> LoadAsync<T>(ListState state, Func<ListState, Task<Page<T>>> load)
    {
        try
        {
            return (state, await load(state));
        }
        catch (ValidationFailedException) when (state.Sort is not null)
        {
            var unsorted = state with { Sort = null };
            return (unsorted, await load(unsorted));
        }
    }
}

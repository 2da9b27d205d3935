using Saas.Read.Inventory;

namespace Saas.Web.Components.Pages.ItemCategories;

/// <summary>The category tree in reading order: each category followed by its children (by code), with its depth.</summary>
public static class ItemCategoryTree
{
    /// <summary>Deeper than this is a data error (the write side refuses cycles); the walk stops rather than loop.</summary>
    private const int MaxDepth = 100;

    public static List<(ItemCategoryRow Category, int Depth)> DepthFirst(IReadOnlyList<ItemCategoryRow> categories)
    {
        var codes = categories.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var children = categories.ToLookup(c => codes.Contains(c.ParentCategory) ? c.ParentCategory : "");
        var result = new List<(ItemCategoryRow, int)>(categories.Count);
        Visit("", 0);
        return result;

        void Visit(string parent, int depth)
        {
            foreach (var child in children[parent].OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                result.Add((child, depth));
                if (depth < MaxDepth && child.Code != parent)
                {
                    Visit(child.Code, depth + 1);
                }
            }
        }
    }
}

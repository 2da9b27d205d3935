using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

public sealed record ItemCategoryListQuery : ListQuery
{
    /// <summary>Only the direct children of this category ("" = top-level categories).</summary>
    public string? ParentCategory { get; init; }
}

/// <summary>The item category list and card, from <c>item_category_list</c>.</summary>
public sealed class ItemCategoryQueries(TenantDb db)
{
    internal const string Columns =
        "tenant_id AS TenantId, id AS Id, code AS Code, display_name AS DisplayName, parent_category AS ParentCategory, " +
        "deleted AS Deleted, last_modified_utc AS LastModifiedUtc, version AS Version";

    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("code", "Code", "code", FilterKind.Code),
        new("displayName", "Description", "display_name", FilterKind.Text),
        new("parentCategory", "Parent Category", "parent_category", FilterKind.Code),
    ];

    public Task<Page<ItemCategoryRow>> ListAsync(ItemCategoryListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "item_category_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["code"] = "code",
                    ["displayName"] = "display_name",
                    ["parentCategory"] = "parent_category",
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "code",
                ["code", "display_name"],
                filterable: FilterColumns);
            sql.Where("deleted = @Deleted", "Deleted", false);
            if (query.ParentCategory is not null)
            {
                sql.Where("parent_category = @ParentCategory", "ParentCategory", query.ParentCategory);
            }

            return sql.RunAsync<ItemCategoryRow>(session, query);
        }, cancellationToken);

    /// <summary>Every category, by code: the list page draws the tree from them (a company has tens to hundreds).</summary>
    public Task<IReadOnlyList<ItemCategoryRow>> AllAsync(CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            async session => (IReadOnlyList<ItemCategoryRow>)(await session.QueryAsync<ItemCategoryRow>(
                $"SELECT {Columns} FROM item_category_list WHERE tenant_id = @TenantId AND deleted = @Deleted ORDER BY code",
                new { Deleted = false })).ToList(),
            cancellationToken);

    public Task<ItemCategoryRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<ItemCategoryRow>(
                $"SELECT {Columns} FROM item_category_list WHERE tenant_id = @TenantId AND id = @Id AND deleted = @Deleted",
                new { Id = id, Deleted = false }),
            cancellationToken);
}

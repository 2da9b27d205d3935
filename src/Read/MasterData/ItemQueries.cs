using Saas.Read.Common;
using Saas.Read.Common.Filtering;
using Saas.Tenancy.Storage;

namespace Saas.Read.MasterData;

public sealed record ItemListQuery : ListQuery
{
    /// <summary>BC word: Inventory, Service, Non-Inventory.</summary>
    public string? Type { get; init; }

    public bool? Blocked { get; init; }
}

/// <summary>The item list and card, from <c>item_list</c> (Dapper, tenant-filtered, RLS behind it).</summary>
public sealed class ItemQueries(TenantDb db)
{
    internal const string Columns =
        "tenant_id AS TenantId, id AS Id, number AS Number, display_name AS DisplayName, type AS Type, " +
        "base_unit_of_measure_code AS BaseUnitOfMeasureCode, unit_price AS UnitPrice, unit_cost AS UnitCost, " +
        "costing_method AS CostingMethod, item_category_code AS ItemCategoryCode, blocked AS Blocked, " +
        "sales_blocked AS SalesBlocked, purchasing_blocked AS PurchasingBlocked, last_modified_utc AS LastModifiedUtc, version AS Version";

    /// <summary>The columns of the item list a user can filter (the filter pane shows them in this order).</summary>
    public static readonly IReadOnlyList<FilterColumn> FilterColumns =
    [
        new("number", "No.", "number", FilterKind.Code),
        new("displayName", "Description", "display_name", FilterKind.Text),
        new("type", "Type", "type", FilterKind.Text),
        new("baseUnitOfMeasureCode", "Base Unit", "base_unit_of_measure_code", FilterKind.Code),
        new("unitPrice", "Unit Price", "unit_price", FilterKind.Number),
        new("unitCost", "Unit Cost", "unit_cost", FilterKind.Number),
        new("itemCategoryCode", "Item Category", "item_category_code", FilterKind.Code),
        new("blocked", "Blocked", "blocked", FilterKind.Boolean),
    ];

    public Task<Page<ItemRow>> ListAsync(ItemListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var dialect = session.Dialect;
            var sql = new ListSql(
                "item_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["number"] = "number",
                    ["displayName"] = "display_name",
                    ["type"] = "type",
                    ["unitPrice"] = dialect.NumericSortKey("unit_price"),
                    ["unitCost"] = dialect.NumericSortKey("unit_cost"),
                    ["itemCategoryCode"] = "item_category_code",
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "number",
                ["number", "display_name"],
                filterable: FilterColumns);
            if (query.Type is not null)
            {
                sql.Where("type = @Type", "Type", query.Type);
            }

            if (query.Blocked is not null)
            {
                sql.Where("blocked = @Blocked", "Blocked", query.Blocked.Value);
            }

            return sql.RunAsync<ItemRow>(session, query);
        }, cancellationToken);

    public Task<ItemRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<ItemRow>(
                $"SELECT {Columns} FROM item_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);
}

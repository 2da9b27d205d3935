using Saas.Read.Common;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

public sealed record CatalogItemListQuery : ListQuery
{
    public string? VendorNumber { get; init; }

    /// <summary>True: only entries already made into items; false: only those not yet.</summary>
    public bool? HasItem { get; init; }
}

/// <summary>The catalog item list and card, from <c>catalog_item_list</c>.</summary>
public sealed class CatalogItemQueries(TenantDb db)
{
    internal const string Columns =
        "tenant_id AS TenantId, id AS Id, entry_number AS EntryNumber, display_name AS DisplayName, manufacturer_code AS ManufacturerCode, " +
        "vendor_number AS VendorNumber, vendor_item_number AS VendorItemNumber, unit_of_measure_code AS UnitOfMeasureCode, " +
        "unit_price AS UnitPrice, unit_cost AS UnitCost, item_category_code AS ItemCategoryCode, item_id AS ItemId, " +
        "item_number AS ItemNumber, last_modified_utc AS LastModifiedUtc, version AS Version";

    public Task<Page<CatalogItemRow>> ListAsync(CatalogItemListQuery query, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "catalog_item_list",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["entryNumber"] = "entry_number",
                    ["displayName"] = "display_name",
                    ["vendorNumber"] = "vendor_number",
                    ["vendorItemNumber"] = "vendor_item_number",
                    ["unitPrice"] = session.Dialect.NumericSortKey("unit_price"),
                    ["lastModifiedDateTime"] = "last_modified_utc",
                },
                "entryNumber",
                ["entry_number", "display_name", "vendor_item_number"]);
            if (query.VendorNumber is not null)
            {
                sql.Where("vendor_number = @VendorNumber", "VendorNumber", query.VendorNumber);
            }

            if (query.HasItem is { } hasItem)
            {
                sql.Where(hasItem ? "item_id IS NOT NULL" : "item_id IS NULL", "HasItem", hasItem);
            }

            return sql.RunAsync<CatalogItemRow>(session, query);
        }, cancellationToken);

    public Task<CatalogItemRow?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ReadAsync(
            session => session.QuerySingleOrDefaultAsync<CatalogItemRow>(
                $"SELECT {Columns} FROM catalog_item_list WHERE tenant_id = @TenantId AND id = @Id", new { Id = id }),
            cancellationToken);
}

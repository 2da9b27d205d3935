using Saas.Read.Common;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

/// <summary>An item's quantity and cost on hand at one location (blank code: no location).</summary>
public sealed record ItemLocationInventory
{
    public Guid ItemId { get; init; }
    public string LocationCode { get; init; } = "";
    public decimal Quantity { get; init; }
    public decimal CostAmount { get; init; }
}

/// <summary>
/// Quantity on hand from <c>item_location_inventory</c> (Dapper, tenant-filtered, RLS behind it). Totals are
/// added in C#: SQLite keeps decimals as text and would sum them as floating point.
/// </summary>
public sealed class InventoryQueries(TenantDb db)
{
    private const string Columns = "item_id AS ItemId, location_code AS LocationCode, quantity AS Quantity, cost_amount AS CostAmount";

    /// <summary>BC's item Inventory: the quantity on hand over all locations, per item asked for (0 when none).</summary>
    public Task<IReadOnlyDictionary<Guid, decimal>> QuantitiesAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken = default)
    {
        if (itemIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<Guid, decimal>>(new Dictionary<Guid, decimal>());
        }

        return db.ReadAsync<IReadOnlyDictionary<Guid, decimal>>(async session =>
        {
            // Dapper expands a list for SQLite; Npgsql takes the array itself.
            var inIds = session.Dialect.Provider == DatabaseProvider.Postgres ? "= ANY(@Ids)" : "IN @Ids";
            var rows = await session.QueryAsync<ItemLocationInventory>(
                $"SELECT {Columns} FROM item_location_inventory WHERE tenant_id = @TenantId AND item_id {inIds}",
                new { Ids = itemIds.ToArray() });
            var totals = itemIds.Distinct().ToDictionary(id => id, _ => 0m);
            foreach (var row in rows)
            {
                totals[row.ItemId] += row.Quantity;
            }

            return totals;
        }, cancellationToken);
    }

    public async Task<decimal> QuantityAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        (await QuantitiesAsync([itemId], cancellationToken))[itemId];

    /// <summary>
    /// One item's rows per location, in location-code order, paged. Locations the item has never been posted at
    /// have no row; locations it left again show 0.
    /// </summary>
    public Task<Page<ItemLocationInventory>> ByLocationAsync(Guid itemId, ListQuery query, string? locationCode, CancellationToken cancellationToken = default) =>
        db.ReadAsync(session =>
        {
            var sql = new ListSql(
                "item_location_inventory",
                Columns,
                new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["locationCode"] = "location_code",
                    ["inventory"] = session.Dialect.NumericSortKey("quantity"),
                },
                "locationCode",
                ["location_code"],
                tieBreaker: "location_code");
            sql.Where("item_id = @ItemId", "ItemId", itemId);
            if (locationCode is not null)
            {
                sql.Where("location_code = @LocationCode", "LocationCode", locationCode);
            }

            return sql.RunAsync<ItemLocationInventory>(session, query);
        }, cancellationToken);
}

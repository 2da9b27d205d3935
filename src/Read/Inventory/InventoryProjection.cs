using Saas.Contracts.Posting;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

/// <summary>
/// Quantity and cost on hand per item and location, from <see cref="EntriesPosted"/>: every entry type alike
/// (purchases, sales, adjustments, transfers, and whatever later postings add), since an item ledger entry's
/// signed quantity and a value entry's cost amounts already say which way the goods and their value move.
/// </summary>
public static class InventoryProjection
{
    /// <summary>One item at one location: what a posting (or the rebuild) adds there.</summary>
    public sealed record Change(Guid ItemId, string LocationCode, decimal Quantity, decimal CostAmount);

    /// <summary>
    /// Adds the posting's quantities and costs, in the caller's transaction, unless its register was projected
    /// before (by an earlier delivery or by a rebuild). Returns false when it changed nothing.
    /// </summary>
    public static async Task<bool> ApplyAsync(TenantSqlSession session, EntriesPosted posted)
    {
        if (posted.TenantId != session.TenantId)
        {
            // The consume filter refuses such messages already; this is the second wall.
            throw new InvalidOperationException(
                $"{nameof(EntriesPosted)} of tenant {posted.TenantId} refused while tenant {session.TenantId} is in scope.");
        }

        await LockTenantAsync(session);

        // Postings without a register (nothing to adjust) write no event; a register number is never reused.
        var first = await session.ExecuteAsync(
            """
            INSERT INTO inventory_projected_register (tenant_id, register_no) VALUES (@TenantId, @RegisterNo)
            ON CONFLICT (tenant_id, register_no) DO NOTHING
            """,
            new { posted.RegisterNo });
        if (first == 0)
        {
            return false;
        }

        await AddAsync(session, ChangesOf(posted.ItemLedgerEntries, posted.ValueEntries));
        return true;
    }

    /// <summary>Per item and location, the sums of the given entries.</summary>
    public static IReadOnlyList<Change> ChangesOf(IEnumerable<ItemLedgerEntryPosted> entries, IEnumerable<ValueEntryPosted> values)
    {
        var sums = new InventorySums();
        foreach (var e in entries)
        {
            sums.AddQuantity(e.ItemId, e.LocationCode, e.Quantity);
        }

        foreach (var v in values)
        {
            sums.AddCost(v.ItemId, v.LocationCode, v.CostAmountExpected + v.CostAmountActual);
        }

        return sums.ToChanges();
    }

    /// <summary>
    /// Adds the changes to the rows. Rows are touched in one fixed order, so two postings of the same company
    /// projected at once on PostgreSQL wait for each other instead of deadlocking.
    /// </summary>
    public static async Task AddAsync(TenantSqlSession session, IReadOnlyList<Change> changes)
    {
        foreach (var change in Ordered(changes))
        {
            if (session.Dialect.Provider == DatabaseProvider.Postgres)
            {
                // numeric adds exactly, and the upsert is atomic against a concurrent consumer of the same tenant.
                await session.ExecuteAsync(
                    """
                    INSERT INTO item_location_inventory (tenant_id, item_id, location_code, quantity, cost_amount)
                    VALUES (@TenantId, @ItemId, @LocationCode, @Quantity, @CostAmount)
                    ON CONFLICT (tenant_id, item_id, location_code) DO UPDATE SET
                        quantity = item_location_inventory.quantity + excluded.quantity,
                        cost_amount = item_location_inventory.cost_amount + excluded.cost_amount
                    """,
                    change);
            }
            else
            {
                // SQLite keeps decimals as text and would add them as floating point: add in C#. Its transactions
                // begin IMMEDIATE (the inbox insert came first anyway), so no other writer sits between read and write.
                var current = await session.QuerySingleOrDefaultAsync<ItemLocationInventoryRow>(
                    """
                    SELECT quantity AS Quantity, cost_amount AS CostAmount FROM item_location_inventory
                    WHERE tenant_id = @TenantId AND item_id = @ItemId AND location_code = @LocationCode
                    """,
                    new { change.ItemId, change.LocationCode });
                await SetAsync(session, change with
                {
                    Quantity = (current?.Quantity ?? 0) + change.Quantity,
                    CostAmount = (current?.CostAmount ?? 0) + change.CostAmount,
                });
            }
        }
    }

    /// <summary>Writes absolute sums (the rebuild).</summary>
    public static Task SetAsync(TenantSqlSession session, Change row) => session.ExecuteAsync(
        """
        INSERT INTO item_location_inventory (tenant_id, item_id, location_code, quantity, cost_amount)
        VALUES (@TenantId, @ItemId, @LocationCode, @Quantity, @CostAmount)
        ON CONFLICT (tenant_id, item_id, location_code) DO UPDATE SET
            quantity = excluded.quantity, cost_amount = excluded.cost_amount
        """,
        row);

    /// <summary>Deletes the tenant's inventory rows and projected registers (the first step of a rebuild).</summary>
    /// <summary>
    /// Projections and a rebuild of one company take turns: a rebuild sets absolute sums, so a posting projected
    /// between its reads and its writes would be overwritten while its register stays marked. PostgreSQL: a
    /// transaction-scoped advisory lock per company; SQLite's write transaction already excludes other writers.
    /// </summary>
    public static Task LockTenantAsync(TenantSqlSession session) =>
        session.Dialect.Provider == DatabaseProvider.Postgres
            ? session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('inventory:' || @TenantId::text, 0))")
            : Task.CompletedTask;

    public static async Task DeleteAllAsync(TenantSqlSession session)
    {
        await session.ExecuteAsync("DELETE FROM item_location_inventory WHERE tenant_id = @TenantId");
        await session.ExecuteAsync("DELETE FROM inventory_projected_register WHERE tenant_id = @TenantId");
    }

    internal static List<Change> Ordered(IEnumerable<Change> changes) =>
        changes.OrderBy(c => c.ItemId).ThenBy(c => c.LocationCode, StringComparer.Ordinal).ToList();
}

/// <summary>Sums of quantity and cost per item and location, in C# decimals (exact on both providers).</summary>
internal sealed class InventorySums
{
    private readonly Dictionary<(Guid Item, string Location), (decimal Quantity, decimal Cost)> sums = new();

    public void AddQuantity(Guid itemId, string locationCode, decimal quantity)
    {
        var sum = sums.GetValueOrDefault((itemId, locationCode));
        sums[(itemId, locationCode)] = (sum.Quantity + quantity, sum.Cost);
    }

    public void AddCost(Guid itemId, string locationCode, decimal cost)
    {
        var sum = sums.GetValueOrDefault((itemId, locationCode));
        sums[(itemId, locationCode)] = (sum.Quantity, sum.Cost + cost);
    }

    public IReadOnlyList<InventoryProjection.Change> ToChanges() => InventoryProjection.Ordered(
        sums.Select(kv => new InventoryProjection.Change(kv.Key.Item, kv.Key.Location, kv.Value.Quantity, kv.Value.Cost)));
}

using Microsoft.EntityFrameworkCore;
using Saas.Write;
using Saas.Write.Inventory;

namespace Saas.Bench;

/// <summary>
/// Bulk generator for the adjustment benchmark (PostgreSQL): writes, in set-based SQL, an item ledger that is
/// exactly what the engine would have posted and costed for the same flows, so a cost adjustment from scratch
/// finds nothing to change in it (the benchmark checks this by timing it before the late invoices).
/// </summary>
/// <remarks>
/// Per item: an opening receipt of 2W units at 10.00 (not invoiced), then P pairs k = 0…P−1 of a purchase of 2
/// units (every 10th not invoiced; FIFO/LIFO at 9 + (k mod 7)·0.37, Average/Standard at 10) and an invoiced sale
/// of 2 units on the same day, 50 pairs a day. Applications follow the costing method exactly: LIFO sale k takes
/// purchase k (the newest); FIFO, Standard and Average sales take the opening receipt (k &lt; W) and then purchase
/// k − W (the oldest open one). All amounts are whole cents times whole units, so the cumulative allocation has
/// no rounding, and Average items see 10.00 in every period. Open entries are what remains (FIFO etc.: the last W
/// purchases; LIFO: the opening receipt). Item ledger, value (one per item entry, same number), application and
/// open entries are written; G/L entries are not (cost adjustment does not read them), so the generated tenant's
/// trial balance does not reflect these entries — only this benchmark uses it.
/// </remarks>
public static class LedgerGenerator
{
    public const int Window = 500;

    /// <summary>Writes one item's ledger; returns the number of item ledger entries written.</summary>
    public static async Task<long> GenerateAsync(WriteDbContext db, Item item, int pairs, DateOnly start)
    {
        var tenant = db.CurrentTenantId;
        var window = Math.Min(Window, pairs);
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO posting_counters (tenant_id, last_item_ledger_entry_no, last_value_entry_no, last_application_entry_no,
                last_gl_entry_no, last_register_no, last_transaction_no)
            VALUES ({0}, 0, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING
            """, tenant);
        var counters = await db.PostingCounters.AsNoTracking().SingleAsync();
        if (counters.LastItemLedgerEntryNo != counters.LastValueEntryNo)
        {
            throw new InvalidOperationException("The generator numbers value entries like item ledger entries: generate before posting.");
        }

        var b = counters.LastItemLedgerEntryNo + 1; // the opening receipt; pair k: purchase b+1+2k, sale b+2+2k
        var a = counters.LastApplicationEntryNo + 1; // sale k's application: a+k
        var varied = item.CostingMethod is CostingMethod.FIFO or CostingMethod.LIFO;
        string Cost(string k) => varied ? $"(9 + (({k}) % 7) * 0.37)" : "10";
        var saleCost = item.CostingMethod == CostingMethod.LIFO
            ? $"2 * {Cost("k")}"
            : $"CASE WHEN k < {window} THEN 20 ELSE 2 * {Cost($"k - {window}")} END";
        var inbound = item.CostingMethod == CostingMethod.LIFO
            ? $"{b} + 1 + 2 * k"
            : $"CASE WHEN k < {window} THEN {b} ELSE {b} + 1 + 2 * (k - {window}) END";
        var last = b + 2L * pairs;
        object[] p = [tenant, item.Id, item.Number, start, item.GenProdPostingGroup, item.InventoryPostingGroup];

        // Only numbers this method computed are written into the SQL text; names and ids are parameters {0}…{5}.
        Task Run(string sql) => db.Database.ExecuteSqlRawAsync(sql, p);

        await Run(
            $"""
            INSERT INTO item_ledger_entries (tenant_id, entry_no, item_id, item_no, posting_date, entry_type, document_no, description,
                location_code, quantity, positive, applies_to_entry, cost_source_entry, unapplied_unit_cost, gen_bus_posting_group,
                gen_prod_posting_group, inventory_posting_group, register_no)
            SELECT {"{0}"}, {b}, {"{1}"}, {"{2}"}, {"{3}"}, 'Purchase', 'GEN-OPEN', 'Opening stock', '', {2 * window}, true, 0, 0, 10, '', {"{4}"}, {"{5}"}, 0
            UNION ALL
            SELECT {"{0}"}, {b} + 1 + 2 * k + s, {"{1}"}, {"{2}"}, {"{3}"} + (k / 50)::int, CASE s WHEN 0 THEN 'Purchase' ELSE 'Sale' END,
                'GEN-' || k, 'Generated', '', CASE s WHEN 0 THEN 2 ELSE -2 END, s = 0, 0, 0, 10, '', {"{4}"}, {"{5}"}, 0
            FROM generate_series(0, {pairs - 1}) k, generate_series(0, 1) s
            """);
        await Run(
            $"""
            INSERT INTO value_entries (tenant_id, entry_no, item_ledger_entry_no, item_id, item_no, posting_date, valuation_date, entry_type,
                item_ledger_entry_type, document_no, location_code, item_ledger_entry_quantity, invoiced_quantity, valued_quantity,
                cost_amount_expected, cost_amount_actual, sales_amount_actual, adjustment, gen_bus_posting_group, gen_prod_posting_group,
                inventory_posting_group, register_no)
            SELECT {"{0}"}, {b}, {b}, {"{1}"}, {"{2}"}, {"{3}"}, {"{3}"}, 'DirectCost', 'Purchase', 'GEN-OPEN', '', {2 * window}, 0, {2 * window},
                {20 * window}, 0, 0, false, '', {"{4}"}, {"{5}"}, 0
            UNION ALL
            SELECT {"{0}"}, {b} + 1 + 2 * k + s, {b} + 1 + 2 * k + s, {"{1}"}, {"{2}"}, {"{3}"} + (k / 50)::int, {"{3}"} + (k / 50)::int, 'DirectCost',
                CASE s WHEN 0 THEN 'Purchase' ELSE 'Sale' END, 'GEN-' || k, '',
                CASE s WHEN 0 THEN 2 ELSE -2 END,
                CASE WHEN s = 1 THEN -2 WHEN k % 10 = 0 THEN 0 ELSE 2 END,
                CASE s WHEN 0 THEN 2 ELSE -2 END,
                CASE WHEN s = 0 AND k % 10 = 0 THEN 2 * {Cost("k")} ELSE 0 END,
                CASE WHEN s = 1 THEN -({saleCost}) WHEN k % 10 = 0 THEN 0 ELSE 2 * {Cost("k")} END,
                CASE s WHEN 0 THEN 0 ELSE 40 END, false, '', {"{4}"}, {"{5}"}, 0
            FROM generate_series(0, {pairs - 1}) k, generate_series(0, 1) s
            """);
        await Run(
            $"""
            INSERT INTO item_application_entries (tenant_id, entry_no, item_id, inbound_entry_no, outbound_entry_no, item_ledger_entry_no, quantity, posting_date)
            SELECT {"{0}"}, {a} + k, {"{1}"}, {inbound}, {b} + 2 + 2 * k, {b} + 2 + 2 * k, 2, {"{3}"} + (k / 50)::int
            FROM generate_series(0, {pairs - 1}) k
            """);
        var open = item.CostingMethod == CostingMethod.LIFO
            ? $"SELECT {"{0}"}, {b}, {"{1}"}, '', true, {"{3}"}, {2 * window}"
            : $"SELECT {"{0}"}, {b} + 1 + 2 * k, {"{1}"}, '', true, {"{3}"} + (k / 50)::int, 2 FROM generate_series({pairs - window}, {pairs - 1}) k";
        await Run("INSERT INTO open_item_entries (tenant_id, entry_no, item_id, location_code, positive, posting_date, remaining_quantity) " + open);
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE posting_counters SET last_item_ledger_entry_no = {1}, last_value_entry_no = {1}, last_application_entry_no = {2} WHERE tenant_id = {0}",
            tenant, last, a + pairs - 1);
        return 1 + 2L * pairs;
    }
}

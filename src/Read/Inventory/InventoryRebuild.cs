using Microsoft.EntityFrameworkCore;
using Saas.Tenancy.Storage;
using Saas.Write;

namespace Saas.Read.Inventory;

/// <summary>
/// Rebuilds the tenant-in-scope's inventory rows from the append-only item ledger and value entries, through
/// the same sums the consumer adds, so the result equals what incremental projection produced.
/// </summary>
public sealed class InventoryRebuild(TenantDb db, WriteDbContext write)
{
    /// <summary>Returns the number of registers the rebuilt rows contain.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var session = await db.BeginAsync(cancellationToken);
        await InventoryProjection.LockTenantAsync(session);
        await InventoryProjection.DeleteAllAsync(session);

        // Registers first, then only the entries they cover. A company's postings take their numbers one at a
        // time under its posting-counter lock, so every entry up to the last register's range is committed and
        // belongs to a register read here; a posting that commits meanwhile is not counted, and its event adds it
        // after this commits (the tenant lock above holds it back) because its register is not marked below.
        var registers = await write.GLRegisters.AsNoTracking()
            .Select(r => new { r.No, r.ToItemLedgerEntryNo, r.ToValueEntryNo })
            .ToListAsync(cancellationToken);
        var lastEntry = registers.Count == 0 ? 0 : registers.Max(r => r.ToItemLedgerEntryNo);
        var lastValue = registers.Count == 0 ? 0 : registers.Max(r => r.ToValueEntryNo);

        var sums = new InventorySums();
        await foreach (var e in write.ItemLedgerEntries.AsNoTracking().Where(e => e.EntryNo <= lastEntry)
                           .Select(e => new { e.ItemId, e.LocationCode, e.Quantity }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            sums.AddQuantity(e.ItemId, e.LocationCode, e.Quantity);
        }

        await foreach (var v in write.ValueEntries.AsNoTracking().Where(v => v.EntryNo <= lastValue)
                           .Select(v => new { v.ItemId, v.LocationCode, v.CostAmountExpected, v.CostAmountActual })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            sums.AddCost(v.ItemId, v.LocationCode, v.CostAmountExpected + v.CostAmountActual);
        }

        // Upserts: the rows were deleted above under the same lock, so these only ever insert; upserting keeps it obviously safe.
        foreach (var row in sums.ToChanges())
        {
            await InventoryProjection.SetAsync(session, row);
        }

        foreach (var register in registers)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO inventory_projected_register (tenant_id, register_no) VALUES (@TenantId, @RegisterNo)
                ON CONFLICT (tenant_id, register_no) DO NOTHING
                """,
                new { RegisterNo = register.No });
        }

        await session.CommitAsync(cancellationToken);
        return registers.Count;
    }
}

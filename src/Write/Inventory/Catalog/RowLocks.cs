using Microsoft.EntityFrameworkCore;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// Row locks for checks that must hold until commit on PostgreSQL (READ COMMITTED lets two transactions pass
/// the same check). SQLite needs none: its write transaction (BEGIN IMMEDIATE) already excludes other writers.
/// </summary>
internal static class RowLocks
{
    /// <summary>Readers of a row that others may change or delete: they wait for each other's commit.</summary>
    public static Task ShareAsync(WriteDbContext db, string table, Guid id, CancellationToken cancellationToken) =>
        LockAsync(db, table, id, "SHARE", cancellationToken);

    /// <summary>The writer that changes what the sharers rely on: waits until they commit, and blocks new ones.</summary>
    public static Task ExclusiveAsync(WriteDbContext db, string table, Guid id, CancellationToken cancellationToken) =>
        LockAsync(db, table, id, "UPDATE", cancellationToken);

    private static async Task LockAsync(WriteDbContext db, string table, Guid id, string mode, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock only means something inside the transaction that relies on it.");
        }

        // Identifiers cannot be parameters: only the catalog's own tables are accepted.
        if (table is not ("item_categories" or "item_attributes" or "catalog_items"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "Not a lockable catalog table.");
        }

        var sql = string.Concat("SELECT 1 FROM ", table, " WHERE tenant_id = {0} AND id = {1} FOR ", mode);
        await db.Database.ExecuteSqlRawAsync(sql, [db.CurrentTenantId, id], cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// The company's posting lock: its <see cref="PostingCounters"/> row, locked to commit. Postings take it first;
/// anything that must not interleave with a posting (deleting a G/L account "because it has no entries") takes it
/// too, so its check still holds at commit. PostgreSQL: a row lock (the row is created on first use); SQLite: the
/// write transaction already holds the database's only write lock.
/// </summary>
public static class PostingLock
{
    public static async Task TakeAsync(WriteDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var tenant = db.CurrentTenantId;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO posting_counters (tenant_id, last_item_ledger_entry_no, last_value_entry_no, last_application_entry_no,
                last_gl_entry_no, last_register_no, last_transaction_no)
            VALUES ({tenant}, 0, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM posting_counters WHERE tenant_id = {tenant} FOR UPDATE", cancellationToken);
    }
}

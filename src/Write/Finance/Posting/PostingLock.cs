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
    public static async Task TakeAsync(WriteDbContext db, CancellationToken cancellationToken) =>
        _ = await TakeWithCountersAsync(db, cancellationToken);

    /// <summary>
    /// Takes the lock and returns the counters row, tracked so that the numbers a posting takes are saved with it.
    /// On PostgreSQL one statement creates the row if needed, locks it and returns it (an upsert that updates nothing
    /// still locks the row it finds): one round trip where a create, a lock and a read took three.
    /// </summary>
    public static async Task<PostingCounters> TakeWithCountersAsync(WriteDbContext db, CancellationToken cancellationToken)
    {
        var tenant = db.CurrentTenantId;
        if (!db.Database.IsNpgsql())
        {
            return await db.PostingCounters.SingleOrDefaultAsync(cancellationToken) ?? db.PostingCounters.Add(new PostingCounters { TenantId = tenant }).Entity;
        }

        // Held to commit, so it only means something inside the posting's transaction.
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The posting lock is taken inside the transaction it protects.");
        }

        var numbers = (await db.Database.SqlQuery<LastNumbers>(
            $"""
            INSERT INTO posting_counters AS c (tenant_id, last_item_ledger_entry_no, last_value_entry_no, last_application_entry_no,
                last_gl_entry_no, last_register_no, last_transaction_no)
            VALUES ({tenant}, 0, 0, 0, 0, 0, 0)
            ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = c.tenant_id
            RETURNING c.last_item_ledger_entry_no AS "ItemLedgerEntry", c.last_value_entry_no AS "ValueEntry",
                c.last_application_entry_no AS "ApplicationEntry", c.last_gl_entry_no AS "GLEntry", c.last_register_no AS "Register",
                c.last_transaction_no AS "Transaction"
            """).ToListAsync(cancellationToken)).Single();
        if (db.PostingCounters.Local.SingleOrDefault(c => c.TenantId == tenant) is { } tracked)
        {
            return tracked; // taken before in this unit of work, with numbers it may not have saved yet
        }

        var row = new PostingCounters
        {
            TenantId = tenant,
            LastItemLedgerEntryNo = numbers.ItemLedgerEntry,
            LastValueEntryNo = numbers.ValueEntry,
            LastApplicationEntryNo = numbers.ApplicationEntry,
            LastGLEntryNo = numbers.GLEntry,
            LastRegisterNo = numbers.Register,
            LastTransactionNo = numbers.Transaction,
        };
        db.PostingCounters.Attach(row);
        return row;
    }

    private sealed class LastNumbers
    {
        public long ItemLedgerEntry { get; init; }
        public long ValueEntry { get; init; }
        public long ApplicationEntry { get; init; }
        public long GLEntry { get; init; }
        public long Register { get; init; }
        public long Transaction { get; init; }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
        if (db.PostingCounters.Local.SingleOrDefault(c => c.TenantId == tenant) is { } tracked)
        {
            return tracked;
        }

        if (!db.Database.IsNpgsql())
        {
            return await db.PostingCounters.SingleOrDefaultAsync(cancellationToken) ?? db.PostingCounters.Add(new PostingCounters { TenantId = tenant }).Entity;
        }

        // Held to commit, so it only means something inside the posting's transaction.
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The posting lock is taken inside the transaction it protects.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO posting_counters AS c (tenant_id, last_item_ledger_entry_no, last_value_entry_no, last_application_entry_no,
                last_gl_entry_no, last_register_no, last_transaction_no)
            VALUES (@tenant, 0, 0, 0, 0, 0, 0)
            ON CONFLICT (tenant_id) DO UPDATE SET tenant_id = c.tenant_id
            RETURNING c.last_item_ledger_entry_no, c.last_value_entry_no, c.last_application_entry_no, c.last_gl_entry_no,
                c.last_register_no, c.last_transaction_no
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant;
        command.Parameters.Add(parameter);
        PostingCounters row;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            row = new PostingCounters
            {
                TenantId = tenant,
                LastItemLedgerEntryNo = reader.GetInt64(0),
                LastValueEntryNo = reader.GetInt64(1),
                LastApplicationEntryNo = reader.GetInt64(2),
                LastGLEntryNo = reader.GetInt64(3),
                LastRegisterNo = reader.GetInt64(4),
                LastTransactionNo = reader.GetInt64(5),
            };
        }

        db.PostingCounters.Attach(row);
        return row;
    }
}

using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// The last entry numbers of every ledger of one company, in one row. A posting locks this row first
/// (FOR UPDATE on PostgreSQL; SQLite's write transaction holds the database lock), so postings of one company
/// run one after the other, as BC's lock on its ledger tables makes them, and the numbers it takes commit or
/// roll back with it: gapless, never duplicated. Locking the same row first in every posting also means
/// postings cannot deadlock each other.
/// </summary>
public sealed class PostingCounters : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long LastItemLedgerEntryNo { get; set; }
    public long LastValueEntryNo { get; set; }
    public long LastApplicationEntryNo { get; set; }
    public long LastGLEntryNo { get; set; }
    public long LastRegisterNo { get; set; }
    public long LastTransactionNo { get; set; }
}

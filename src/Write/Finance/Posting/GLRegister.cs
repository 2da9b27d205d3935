using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Posting;

/// <summary>
/// One posting (BC's G/L Register and Item Register in one row): the ranges of every ledger it wrote, and the
/// caller's idempotency key so that the same request again finds it instead of posting twice.
/// A range whose "to" is below its "from" is empty.
/// </summary>
public sealed class GLRegister : ITenantOwned
{
    public const int SourceCodeLength = 10;
    public const int IdempotencyKeyLength = 100;

    public Guid TenantId { get; set; }
    public long No { get; set; }
    public long TransactionNo { get; set; }
    public string SourceCode { get; set; } = "";
    public string? IdempotencyKey { get; set; }
    public long FromGLEntryNo { get; set; }
    public long ToGLEntryNo { get; set; }
    public long FromItemLedgerEntryNo { get; set; }
    public long ToItemLedgerEntryNo { get; set; }
    public long FromValueEntryNo { get; set; }
    public long ToValueEntryNo { get; set; }
    public long FromApplicationEntryNo { get; set; }
    public long ToApplicationEntryNo { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// Hash of the request the key first posted (<see cref="PostingIdempotency"/>); null on older registers. Last, as
    /// the migration that added it appends the column.
    /// </summary>
    public string? RequestHash { get; set; }
}

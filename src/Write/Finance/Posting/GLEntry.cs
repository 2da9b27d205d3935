using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Posting;

/// <summary>A G/L entry (BC table 17). Immutable; the entries of one transaction sum to zero.</summary>
public sealed class GLEntry : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long EntryNo { get; set; }
    public long TransactionNo { get; set; }
    public string GLAccountNo { get; set; } = "";
    public DateOnly PostingDate { get; set; }
    public string DocumentNo { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Debit positive, credit negative.</summary>
    public decimal Amount { get; set; }

    /// <summary>BC's G/L - Item Ledger Relation folded in: the value entry this amount comes from (0 for none).</summary>
    public long ValueEntryNo { get; set; }

    public string SourceCode { get; set; } = "";
    public long RegisterNo { get; set; }
}

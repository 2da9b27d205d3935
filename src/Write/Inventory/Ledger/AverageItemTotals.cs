using System.Linq.Expressions;
using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Ledger;

/// <summary>
/// What an Average item's ledgers add up to: Σ item ledger entry quantities and Σ value entry costs (expected and
/// actual; revaluations only with a valued quantity, as the average walk counts them). Kept in step by every
/// posting, in its transaction, so that the incremental adjustment's opening at a period P (ADR 008) is these
/// totals minus what is dated from P on: work in proportion to the period, not to the item's history. Like
/// <see cref="OpenItemEntry"/> it is derived state beside the immutable ledgers; a missing row is summed once from
/// the ledgers.
/// </summary>
public sealed class AverageItemTotals : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid ItemId { get; set; }
    public decimal Quantity { get; set; }
    public decimal CostAmount { get; set; }

    /// <summary>Which value entries count in the value on hand the average walk carries: one rule for SQL and memory.</summary>
    public static readonly Expression<Func<ValueEntry, bool>> Counted = v => v.EntryType != ValueEntryType.Revaluation || v.ValuedQuantity > 0;

    private static readonly Func<ValueEntry, bool> CountedInMemory = Counted.Compile();

    /// <summary>Whether a value entry counts in the value on hand the average walk carries.</summary>
    public static bool Counts(ValueEntry value) => CountedInMemory(value);
}

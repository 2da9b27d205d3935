using Saas.Tenancy.Storage;

namespace Saas.Write.Finance.Setup;

/// <summary>
/// One row per company: BC's General Ledger Setup (allowed posting dates) and the costing fields of its
/// Inventory Setup (expected cost posting, automatic cost adjustment, average cost period, negative inventory)
/// together, because the posting engine needs all of them at once.
/// </summary>
public sealed class GeneralLedgerSetup : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly? AllowPostingFrom { get; set; }
    public DateOnly? AllowPostingTo { get; set; }

    /// <summary>BC's closed inventory periods: nothing may be posted on or before this date (cost adjustment included).</summary>
    public DateOnly? InventoryClosedThrough { get; set; }

    public bool ExpectedCostPostingToGL { get; set; }

    /// <summary>
    /// BC's "Automatic Cost Adjustment = Always" when true: every posting adjusts the items it touched in the same
    /// transaction. When false, <c>AdjustCostItemEntries</c> does it on demand.
    /// </summary>
    public bool AutomaticCostAdjustment { get; set; } = true;

    public AverageCostPeriod AverageCostPeriod { get; set; } = AverageCostPeriod.Day;
    public bool AllowNegativeInventory { get; set; }
    public long Version { get; set; }

    /// <summary>Why <paramref name="date"/> may not be posted on, or null when it may.</summary>
    public string? RefusePostingDate(DateOnly date)
    {
        if (AllowPostingFrom is { } from && date < from || AllowPostingTo is { } to && date > to)
        {
            return $"Posting Date {date:yyyy-MM-dd} is not within your range of allowed posting dates ({Show(AllowPostingFrom)}..{Show(AllowPostingTo)}).";
        }

        if (InventoryClosedThrough is { } closed && date <= closed)
        {
            return $"Posting Date {date:yyyy-MM-dd} is in a closed inventory period (closed through {closed:yyyy-MM-dd}).";
        }

        return null;

        static string Show(DateOnly? d) => d?.ToString("yyyy-MM-dd") ?? "";
    }

    /// <summary>The first date a correction may be posted on: cost adjustment moves entries of closed periods here.</summary>
    public DateOnly FirstOpenDate(DateOnly wanted)
    {
        var date = wanted;
        if (AllowPostingFrom is { } from && date < from)
        {
            date = from;
        }

        if (InventoryClosedThrough is { } closed && date <= closed)
        {
            date = closed.AddDays(1);
        }

        return date;
    }
}

public enum AverageCostPeriod
{
    Day,
    Week,
    Month,
}

public static class AverageCostPeriods
{
    /// <summary>The first day of the average-cost period containing <paramref name="date"/> (weeks start on Monday, as in BC).</summary>
    public static DateOnly StartOf(this AverageCostPeriod period, DateOnly date) => period switch
    {
        AverageCostPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        AverageCostPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };
}

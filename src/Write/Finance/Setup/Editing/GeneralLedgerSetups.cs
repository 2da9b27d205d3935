using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Finance.Posting;

namespace Saas.Write.Finance.Setup.Editing;

/// <summary>Changes to the company's G/L and inventory setup; null leaves a field, <see cref="Clear"/> names the dates to empty.</summary>
public sealed record GeneralLedgerSetupChange
{
    public DateOnly? AllowPostingFrom { get; init; }
    public DateOnly? AllowPostingTo { get; init; }
    public DateOnly? InventoryClosedThrough { get; init; }
    public bool? ExpectedCostPostingToGL { get; init; }
    public bool? AutomaticCostAdjustment { get; init; }
    public AverageCostPeriod? AverageCostPeriod { get; init; }
    public bool? AllowNegativeInventory { get; init; }

    /// <summary>Date fields set to empty (JSON null): allowPostingFrom, allowPostingTo, inventoryClosedThrough.</summary>
    public IReadOnlySet<string> Clear { get; init; } = new HashSet<string>();
}

/// <summary>
/// BC's General Ledger Setup (allowed posting dates) and Inventory Setup (costing options, closed inventory
/// periods) in one row. Closing an inventory period follows BC's Inventory Period rule: refused while an outbound
/// entry on or before the ending date is still open (not applied to inbound quantity).
/// Turning automatic cost adjustment on, or changing the average cost period while it is on, adjusts every item's
/// cost in the same transaction: costs left unadjusted while it was off, or averaged over the old period, would
/// otherwise wait for someone to run a batch job (BC makes users run "Adjust Cost - Item Entries" here).
/// </summary>
public sealed class GeneralLedgerSetups(WriteDbContext db, ItemPostingEngine engine)
{
    public async Task<GeneralLedgerSetup> GetAsync(CancellationToken cancellationToken = default) =>
        await db.GeneralLedgerSetups.AsNoTracking().SingleAsync(cancellationToken);

    public Task<GeneralLedgerSetup> UpdateAsync(long? expectedVersion, GeneralLedgerSetupChange change, CancellationToken cancellationToken = default) =>
        SetupLock.RunAsync(db, () => UpdateCoreAsync(expectedVersion, change, cancellationToken), cancellationToken);

    private async Task<GeneralLedgerSetup> UpdateCoreAsync(long? expectedVersion, GeneralLedgerSetupChange change, CancellationToken cancellationToken)
    {
        // Closing a period and re-adjusting costs must not interleave with a posting.
        await PostingLock.TakeAsync(db, cancellationToken);
        var setup = await db.GeneralLedgerSetups.SingleAsync(cancellationToken);
        if (expectedVersion is { } expected && expected != setup.Version)
        {
            throw new ConcurrencyException("General Ledger Setup", expected, setup.Version);
        }

        var v = new Validation();
        setup.AllowPostingFrom = change.Clear.Contains("allowPostingFrom") ? null : change.AllowPostingFrom ?? setup.AllowPostingFrom;
        setup.AllowPostingTo = change.Clear.Contains("allowPostingTo") ? null : change.AllowPostingTo ?? setup.AllowPostingTo;
        if (setup.AllowPostingFrom is { } from && setup.AllowPostingTo is { } to && from > to)
        {
            v.Add("allowPostingTo", $"must not be before allowPostingFrom ({from:yyyy-MM-dd}).");
        }

        var closedBefore = setup.InventoryClosedThrough;
        setup.InventoryClosedThrough = change.Clear.Contains("inventoryClosedThrough") ? null : change.InventoryClosedThrough ?? setup.InventoryClosedThrough;
        if (setup.InventoryClosedThrough is { } closing && (closedBefore is null || closing > closedBefore))
        {
            var open = await db.OpenItemEntries.AsNoTracking()
                .Where(e => !e.Positive && e.PostingDate <= closing)
                .OrderBy(e => e.EntryNo).Select(e => (long?)e.EntryNo).FirstOrDefaultAsync(cancellationToken);
            if (open is not null)
            {
                v.Add("inventoryClosedThrough", $"The inventory period cannot be closed through {closing:yyyy-MM-dd}: outbound Item Ledger Entry {open} on or before that date is still open.");
            }
        }

        setup.ExpectedCostPostingToGL = change.ExpectedCostPostingToGL ?? setup.ExpectedCostPostingToGL;
        var readjust = (change.AutomaticCostAdjustment == true && !setup.AutomaticCostAdjustment)
            || (change.AverageCostPeriod is { } newPeriod && newPeriod != setup.AverageCostPeriod
                && (change.AutomaticCostAdjustment ?? setup.AutomaticCostAdjustment));
        setup.AutomaticCostAdjustment = change.AutomaticCostAdjustment ?? setup.AutomaticCostAdjustment;
        setup.AverageCostPeriod = change.AverageCostPeriod ?? setup.AverageCostPeriod;
        setup.AllowNegativeInventory = change.AllowNegativeInventory ?? setup.AllowNegativeInventory;
        v.ThrowIfInvalid();

        setup.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyException("General Ledger Setup", expectedVersion ?? setup.Version - 1, null);
        }

        if (readjust)
        {
            await engine.AdjustEveryItemAsync(cancellationToken);
        }

        return setup;
    }
}

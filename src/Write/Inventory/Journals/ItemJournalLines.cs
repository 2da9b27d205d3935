using Microsoft.EntityFrameworkCore;
using Saas.Write.Common;
using Saas.Write.Inventory.Ledger;

namespace Saas.Write.Inventory.Journals;

/// <summary>
/// A new line or a change of one (null = keep the stored value). Which fields apply depends on the batch's
/// template: entry type, quantity and unit cost (Item); quantity and new location (Reclassification); the
/// counted quantity (Phys. Inventory); the revalued inventory value or unit cost (Revaluation).
/// </summary>
public sealed record SaveItemJournalLine
{
    public Guid BatchId { get; init; }
    public Guid? Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? EntryType { get; init; }
    public string? ItemNumber { get; init; }
    public string? LocationCode { get; init; }
    public string? NewLocationCode { get; init; }
    public DateOnly? PostingDate { get; init; }
    public string? DocumentNumber { get; init; }
    public string? Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? UnitCost { get; init; }
    public long? AppliesToEntry { get; init; }
    public decimal? QuantityPhysInventory { get; init; }
    public decimal? InventoryValueRevalued { get; init; }
    public decimal? UnitCostRevalued { get; init; }
}

/// <summary>
/// Stored item journal lines: added with the next line number, changed, deleted; every save validates the line
/// as a whole (the item exists, is not blocked and is an Inventory item; the locations exist; the template's
/// quantities make sense), naming the field that is wrong. Posting validates again: the world may have changed.
/// </summary>
public sealed class ItemJournalLines(WriteDbContext db, TimeProvider clock)
{
    /// <summary>One page of a batch's lines; <paramref name="top"/> is the caller's capped page size (lists are never unbounded).</summary>
    public async Task<(List<ItemJournalBatchLine> Lines, int Count)> ListAsync(
        Guid batchId, int top, int? skip, CancellationToken cancellationToken = default)
    {
        await ExistingBatchAsync(batchId, cancellationToken);
        var query = db.ItemJournalBatchLines.AsNoTracking().Where(l => l.BatchId == batchId);
        var count = await query.CountAsync(cancellationToken);
        var page = query.OrderBy(l => l.LineNumber).Skip(skip ?? 0).Take(top);
        return (await page.ToListAsync(cancellationToken), count);
    }

    public async Task<ItemJournalBatchLine> GetAsync(Guid batchId, Guid id, CancellationToken cancellationToken = default)
    {
        await ExistingBatchAsync(batchId, cancellationToken);
        return await db.ItemJournalBatchLines.AsNoTracking().SingleOrDefaultAsync(l => l.BatchId == batchId && l.Id == id, cancellationToken)
            ?? throw new NotFoundException("Item journal line", id);
    }

    public Task<ItemJournalBatchLine> CreateAsync(SaveItemJournalLine command, CancellationToken cancellationToken = default) =>
        ItemJournalBatchLock.RunAsync(db, command.BatchId, async batch =>
        {
            if (batch.Template == ItemJournalTemplate.Revaluation)
            {
                // Without the calculated value there is nothing to revalue against: BC's users fill it with the batch job too.
                throw ValidationFailedException.For("itemNumber", "Revaluation lines are created by Microsoft.NAV.calculateInventoryValue.");
            }

            var line = new ItemJournalBatchLine
            {
                TenantId = db.CurrentTenantId,
                Id = Guid.NewGuid(),
                BatchId = batch.Id,
                EntryType = batch.Template == ItemJournalTemplate.Reclassification ? ItemLedgerEntryType.Transfer : ItemLedgerEntryType.PositiveAdjmt,
                Version = 1,
            };
            await ApplyAsync(batch, line, command, isNew: true, cancellationToken);

            // BC numbers lines 10000, 20000, …: the next after the highest (the batch lock makes concurrent adds take turns).
            line.LineNumber = (await db.ItemJournalBatchLines.Where(l => l.BatchId == batch.Id)
                .MaxAsync(l => (int?)l.LineNumber, cancellationToken) ?? 0) + ItemJournalBatchLine.LineNumberStep;
            db.ItemJournalBatchLines.Add(line);
            await db.SaveChangesAsync(cancellationToken);
            return line;
        }, cancellationToken);

    public Task<ItemJournalBatchLine> UpdateAsync(SaveItemJournalLine command, CancellationToken cancellationToken = default) =>
        ItemJournalBatchLock.RunAsync(db, command.BatchId, async batch =>
        {
            var line = await db.ItemJournalBatchLines.SingleOrDefaultAsync(l => l.BatchId == batch.Id && l.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException("Item journal line", command.Id!);
            if (command.ExpectedVersion is { } expected && expected != line.Version)
            {
                throw new ConcurrencyException($"Item journal line {line.LineNumber}", expected, line.Version);
            }

            await ApplyAsync(batch, line, command, isNew: false, cancellationToken);
            line.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return line;
        }, cancellationToken);

    public Task DeleteAsync(Guid batchId, Guid id, long? expectedVersion, CancellationToken cancellationToken = default) =>
        ItemJournalBatchLock.RunAsync(db, batchId, async batch =>
        {
            var line = await db.ItemJournalBatchLines.SingleOrDefaultAsync(l => l.BatchId == batch.Id && l.Id == id, cancellationToken)
                ?? throw new NotFoundException("Item journal line", id);
            if (expectedVersion is { } expected && expected != line.Version)
            {
                throw new ConcurrencyException($"Item journal line {line.LineNumber}", expected, line.Version);
            }

            db.ItemJournalBatchLines.Remove(line);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);

    internal async Task<ItemJournalBatch> ExistingBatchAsync(Guid batchId, CancellationToken cancellationToken) =>
        await db.ItemJournalBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken)
            ?? throw new NotFoundException("Item journal", batchId);

    private async Task ApplyAsync(ItemJournalBatch batch, ItemJournalBatchLine line, SaveItemJournalLine c, bool isNew, CancellationToken cancellationToken)
    {
        var v = new Validation();

        // Before any multiplication or division: 1e27 would overflow decimal arithmetic (a 500) instead of a 400.
        v.WithinRange("quantity", c.Quantity);
        v.WithinRange("unitCost", c.UnitCost);
        v.WithinRange("quantityPhysInventory", c.QuantityPhysInventory);
        v.WithinRange("inventoryValueRevalued", c.InventoryValueRevalued);
        v.WithinRange("unitCostRevalued", c.UnitCostRevalued);
        v.ThrowIfInvalid();
        var template = batch.Template;
        if (c.EntryType is not null)
        {
            if (!BcEnum.TryParse<ItemLedgerEntryType>(c.EntryType, out var entryType))
            {
                v.Add("entryType", $"must be one of {BcEnum.Allowed<ItemLedgerEntryType>()}.");
            }
            else if (template == ItemJournalTemplate.Item && entryType == ItemLedgerEntryType.Transfer)
            {
                v.Add("entryType", "Transfers are posted from a reclassification journal.");
            }
            else if (template == ItemJournalTemplate.Item)
            {
                line.EntryType = entryType;
            }
            else if (entryType != line.EntryType)
            {
                v.Add("entryType", $"is set by the {BcEnum.ToWord(template)} journal and cannot be changed.");
            }
        }

        if (template == ItemJournalTemplate.Revaluation)
        {
            // The item, entry and quantity were calculated; only the revalued figures, date and texts are the user's.
            if (c.ItemNumber is not null && Codes.Normalize(c.ItemNumber) != line.ItemNumber)
            {
                v.Add("itemNumber", "is calculated by Microsoft.NAV.calculateInventoryValue and cannot be changed.");
            }
        }
        else
        {
            line.ItemNumber = c.ItemNumber is null ? line.ItemNumber : Codes.Normalize(c.ItemNumber);
            line.LocationCode = c.LocationCode is null ? line.LocationCode : Codes.Normalize(c.LocationCode);
            line.NewLocationCode = c.NewLocationCode is null ? line.NewLocationCode : Codes.Normalize(c.NewLocationCode);
            line.Quantity = c.Quantity ?? line.Quantity;
            line.UnitCost = c.UnitCost ?? line.UnitCost;
            line.AppliesToEntry = c.AppliesToEntry ?? line.AppliesToEntry;
        }

        line.PostingDate = c.PostingDate ?? line.PostingDate;
        line.DocumentNumber = c.DocumentNumber is null ? line.DocumentNumber : Codes.Normalize(c.DocumentNumber);
        line.Description = c.Description?.Trim() ?? line.Description;
        line.QuantityPhysInventory = c.QuantityPhysInventory ?? line.QuantityPhysInventory;

        if (line.PostingDate == default)
        {
            v.Add("postingDate", "is required.");
        }

        v.MaxLength("documentNumber", line.DocumentNumber, ItemLedgerEntry.DocumentNoLength);
        v.MaxLength("description", line.Description, ItemLedgerEntry.DescriptionLength);
        v.NotNegative("unitCost", line.UnitCost);
        switch (template)
        {
            case ItemJournalTemplate.Revaluation:
                Revalue(line, c, v);
                break;
            case ItemJournalTemplate.PhysicalInventory:
                await CheckItemAndLocationAsync(line, v, cancellationToken);
                if (line.QuantityPhysInventory is not { } counted || counted < 0)
                {
                    v.Add("quantityPhysInventory", "is required and must not be negative.");
                }

                // A line entered by hand gets the books' quantity as a calculated line would.
                if (isNew || c.ItemNumber is not null || c.LocationCode is not null || c.PostingDate is not null)
                {
                    line.QuantityCalculated = await ItemJournalCalculations.QuantityOnHandAsync(
                        db, line.ItemNumber, line.LocationCode, line.PostingDate, cancellationToken);
                }

                break;
            default:
                await CheckItemAndLocationAsync(line, v, cancellationToken);
                if (line.Quantity <= 0)
                {
                    v.Add("quantity", "must be greater than 0.");
                }
                else if (decimal.Round(line.Quantity, 5) != line.Quantity)
                {
                    v.Add("quantity", "may have at most 5 decimals.");
                }

                if (template == ItemJournalTemplate.Reclassification)
                {
                    if (line.NewLocationCode.Length == 0)
                    {
                        v.Add("newLocationCode", "is required on a reclassification line.");
                    }
                    else if (line.NewLocationCode == line.LocationCode)
                    {
                        v.Add("newLocationCode", "must differ from the location code.");
                    }
                    else if (await InTransitAsync(line.NewLocationCode, cancellationToken) is not { } newInTransit)
                    {
                        v.Add("newLocationCode", $"there is no location '{line.NewLocationCode}'.");
                    }
                    else if (newInTransit)
                    {
                        v.Add("newLocationCode", InTransitReason(line.NewLocationCode));
                    }
                }

                break;
        }

        v.ThrowIfInvalid();
        line.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>BC: entering Inventory Value (Revalued) sets Unit Cost (Revalued) and the other way round.</summary>
    private static void Revalue(ItemJournalBatchLine line, SaveItemJournalLine c, Validation v)
    {
        if (c.InventoryValueRevalued is not null && c.UnitCostRevalued is not null)
        {
            v.Add("inventoryValueRevalued", "Enter either the revalued inventory value or the revalued unit cost, not both.");
            return;
        }

        if (c.InventoryValueRevalued is { } value)
        {
            v.NotNegative("inventoryValueRevalued", value);
            line.InventoryValueRevalued = ItemCostCalculator.RoundAmount(value);
            line.UnitCostRevalued = line.Quantity == 0 ? 0 : ItemCostCalculator.RoundUnitCost(value / line.Quantity);
        }
        else if (c.UnitCostRevalued is { } unitCost)
        {
            v.NotNegative("unitCostRevalued", unitCost);
            line.UnitCostRevalued = ItemCostCalculator.RoundUnitCost(unitCost);
            line.InventoryValueRevalued = ItemCostCalculator.RoundAmount(line.UnitCostRevalued.Value * line.Quantity);
        }
    }

    private async Task CheckItemAndLocationAsync(ItemJournalBatchLine line, Validation v, CancellationToken cancellationToken)
    {
        if (line.ItemNumber.Length == 0)
        {
            v.Add("itemNumber", "is required.");
        }
        else if (await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Number == line.ItemNumber, cancellationToken) is not { } item)
        {
            v.Add("itemNumber", $"there is no item '{line.ItemNumber}'.");
        }
        else if (item.Blocked)
        {
            v.Add("itemNumber", $"Item {item.Number} is blocked.");
        }
        else if (item.Type != ItemType.Inventory)
        {
            v.Add("itemNumber", $"Item {item.Number} is a {BcEnum.ToWord(item.Type)} item: only Inventory items have quantities on a journal.");
        }

        if (line.LocationCode.Length == 0)
        {
            v.Add("locationCode", "is required.");
        }
        else if (await InTransitAsync(line.LocationCode, cancellationToken) is not { } inTransit)
        {
            v.Add("locationCode", $"there is no location '{line.LocationCode}'.");
        }
        else if (inTransit)
        {
            v.Add("locationCode", InTransitReason(line.LocationCode));
        }
    }

    /// <summary>Whether the location is BC's "Use As In-Transit" (null: no such location).</summary>
    private Task<bool?> InTransitAsync(string code, CancellationToken cancellationToken) =>
        db.Locations.Where(l => l.Code == code).Select(l => (bool?)l.UseAsInTransit).SingleOrDefaultAsync(cancellationToken);

    // BC: goods in transit move only by transfer orders; a journal cannot post to or from such a location.
    private static string InTransitReason(string code) =>
        $"Location {code} is an in-transit location: only transfer orders move goods through it.";
}

using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// Change a catalog item (PATCH semantics). The item made from it is its own card from then on: changing the
/// catalog entry does not change the item (as in BC).
/// </summary>
public sealed record UpdateCatalogItem
{
    public required Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public string? DisplayName { get; init; }
    public string? ManufacturerCode { get; init; }
    public string? VendorNumber { get; init; }
    public string? VendorItemNumber { get; init; }
    public string? UnitOfMeasureCode { get; init; }
    public decimal? UnitPrice { get; init; }
    public decimal? UnitCost { get; init; }
    public string? ItemCategoryCode { get; init; }

    public void Validate()
    {
        var v = new Validation();
        if (DisplayName is not null)
        {
            v.Required("displayName", DisplayName.Trim(), CatalogItem.DisplayNameLength);
        }

        CatalogItemRules.ValidateFields(v, ManufacturerCode, VendorNumber, VendorItemNumber, UnitOfMeasureCode, UnitPrice, UnitCost, ItemCategoryCode);
        v.ThrowIfInvalid();
    }
}

public sealed class UpdateCatalogItemHandler(WriteDbContext db, TimeProvider clock)
{
    public Task<CommandResult<CatalogItemChanged>> HandleAsync(UpdateCatalogItem command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryUpdateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<CatalogItemChanged>> TryUpdateAsync(UpdateCatalogItem command, CancellationToken cancellationToken)
    {
        var item = await db.CatalogItems.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Catalog item", command.Id);
        if (command.ExpectedVersion is { } expected && expected != item.Version)
        {
            throw new ConcurrencyException("Catalog item", expected, item.Version);
        }

        var vendor = Codes.NormalizeOrNull(command.VendorNumber);
        var category = Codes.NormalizeOrNull(command.ItemCategoryCode);
        await CatalogItemRules.EnsureReferencesAsync(db, vendor, category, cancellationToken);
        var unit = Codes.NormalizeOrNull(command.UnitOfMeasureCode);
        if (unit is not null && unit != item.UnitOfMeasureCode)
        {
            // The unit becomes the base unit of measure of the item made from this entry, so it must exist like one.
            await Setup.UnitsOfMeasure.EnsureExistsAsync(db, unit, "unitOfMeasureCode", cancellationToken);
        }

        item.DisplayName = command.DisplayName?.Trim() ?? item.DisplayName;
        item.ManufacturerCode = Codes.NormalizeOrNull(command.ManufacturerCode) ?? item.ManufacturerCode;
        item.VendorNumber = vendor ?? item.VendorNumber;
        item.VendorItemNumber = command.VendorItemNumber?.Trim() ?? item.VendorItemNumber;
        item.UnitOfMeasureCode = unit ?? item.UnitOfMeasureCode;
        item.UnitPrice = command.UnitPrice ?? item.UnitPrice;
        item.UnitCost = command.UnitCost ?? item.UnitCost;
        item.ItemCategoryCode = category ?? item.ItemCategoryCode;
        var now = clock.GetUtcNow().UtcDateTime;
        item.LastModifiedUtc = now;
        item.Version++;
        var snapshot = item.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveChangesAsync(db, "Catalog item", command.ExpectedVersion, item.Version - 1, "entryNumber", "", cancellationToken);
        return new CommandResult<CatalogItemChanged>(snapshot, position);
    }
}

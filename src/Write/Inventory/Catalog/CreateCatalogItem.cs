using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Write.Common;
using Saas.Write.Setup;

namespace Saas.Write.Inventory.Catalog;

/// <summary>Add a catalog item. Without an entry number, the next number of the NS-ITEM series is used.</summary>
public sealed record CreateCatalogItem
{
    public string? EntryNumber { get; init; }
    public required string DisplayName { get; init; }
    public string ManufacturerCode { get; init; } = "";
    public string VendorNumber { get; init; } = "";
    public string VendorItemNumber { get; init; } = "";
    public string UnitOfMeasureCode { get; init; } = "PCS";
    public decimal UnitPrice { get; init; }
    public decimal UnitCost { get; init; }
    public string ItemCategoryCode { get; init; } = "";

    public void Validate()
    {
        var v = new Validation();
        v.MaxLength("entryNumber", EntryNumber?.Trim(), CatalogItem.EntryNumberLength);
        v.Required("displayName", DisplayName?.Trim(), CatalogItem.DisplayNameLength);
        CatalogItemRules.ValidateFields(v, ManufacturerCode, VendorNumber, VendorItemNumber, UnitOfMeasureCode, UnitPrice, UnitCost, ItemCategoryCode);
        v.ThrowIfInvalid();
    }
}

public sealed class CreateCatalogItemHandler(WriteDbContext db, NumberSeries numbers, TimeProvider clock)
{
    public Task<CommandResult<CatalogItemChanged>> HandleAsync(CreateCatalogItem command, CancellationToken cancellationToken = default)
    {
        command.Validate();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryCreateAsync(command, cancellationToken));
    }

    private async Task<CommandResult<CatalogItemChanged>> TryCreateAsync(CreateCatalogItem command, CancellationToken cancellationToken)
    {
        var number = Codes.Normalize(command.EntryNumber);
        var fromSeries = number.Length == 0;
        var category = Codes.Normalize(command.ItemCategoryCode);
        var vendor = Codes.Normalize(command.VendorNumber);
        await CatalogItemRules.EnsureReferencesAsync(db, vendor, category, cancellationToken);
        await Setup.UnitsOfMeasure.EnsureExistsAsync(db, Codes.Normalize(command.UnitOfMeasureCode), "unitOfMeasureCode", cancellationToken);
        if (fromSeries)
        {
            number = await numbers.TakeNextAsync(CatalogItem.NumberSeries, "entryNumber", IsFreeAsync, cancellationToken);
        }
        else if (!await IsFreeAsync(number))
        {
            throw new ConflictException("entryNumber", $"Catalog item {number} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new CatalogItem
        {
            TenantId = db.CurrentTenantId,
            Id = Guid.CreateVersion7(now),
            EntryNumber = number,
            DisplayName = command.DisplayName.Trim(),
            ManufacturerCode = Codes.Normalize(command.ManufacturerCode),
            VendorNumber = vendor,
            VendorItemNumber = (command.VendorItemNumber ?? "").Trim(),
            UnitOfMeasureCode = Codes.Normalize(command.UnitOfMeasureCode),
            UnitPrice = command.UnitPrice,
            UnitCost = command.UnitCost,
            ItemCategoryCode = category,
            LastModifiedUtc = now,
            Version = 1,
        };
        db.CatalogItems.Add(item);
        var snapshot = item.ToEvent();
        var position = db.Enqueue(snapshot, now);
        await WriteSaves.SaveNewAsync(db, "entryNumber", $"Catalog item {number} already exists.", cancellationToken, numberFromSeries: fromSeries);
        return new CommandResult<CatalogItemChanged>(snapshot, position);

        async Task<bool> IsFreeAsync(string candidate) => !await db.CatalogItems.AnyAsync(i => i.EntryNumber == candidate, cancellationToken);
    }
}

/// <summary>Field rules shared by creating and changing a catalog item.</summary>
internal static class CatalogItemRules
{
    public static void ValidateFields(
        Validation v, string? manufacturer, string? vendor, string? vendorItem, string? unit, decimal? price, decimal? cost, string? category)
    {
        v.MaxLength("manufacturerCode", manufacturer?.Trim(), CatalogItem.ManufacturerCodeLength);
        v.MaxLength("vendorNumber", vendor?.Trim(), CatalogItem.VendorNumberLength);
        v.MaxLength("vendorItemNumber", vendorItem?.Trim(), CatalogItem.VendorItemNumberLength);
        v.MaxLength("unitOfMeasureCode", unit?.Trim(), Item.UnitOfMeasureLength);
        v.NotNegative("unitPrice", price);
        v.NotNegative("unitCost", cost);
        v.MaxLength("itemCategoryCode", category?.Trim(), ItemCategory.CodeLength);
    }

    /// <summary>The vendor and the category, when given, must exist (BC's table relations).</summary>
    public static async Task EnsureReferencesAsync(WriteDbContext db, string? vendor, string? category, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(vendor) && !await db.Vendors.AnyAsync(x => x.Number == vendor, cancellationToken))
        {
            throw ValidationFailedException.For("vendorNumber", $"there is no vendor '{vendor}'.");
        }

        if (category is not null)
        {
            await ItemCategories.EnsureExistsAsync(db, category, "itemCategoryCode", cancellationToken);
        }
    }
}

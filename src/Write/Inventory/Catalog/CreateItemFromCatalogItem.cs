using Microsoft.EntityFrameworkCore;
using Saas.Contracts.Inventory;
using Saas.Contracts.MasterData;
using Saas.Write.Common;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// BC's Create Item on a catalog item: makes a real (Inventory) item from it, numbered by
/// <see cref="NumberFormat"/>, and links it back. A catalog item becomes an item once: a second attempt, also a
/// concurrent one, is refused and names the item that exists.
/// </summary>
public sealed record CreateItemFromCatalogItem
{
    public required Guid CatalogItemId { get; init; }

    /// <summary>
    /// BC's No. Format of the Catalog Item Setup. The default here is the item number series, which always
    /// yields a valid number; BC's default (the vendor item number) fails whenever that is blank or too long.
    /// </summary>
    public CatalogItemNumberFormat NumberFormat { get; init; } = CatalogItemNumberFormat.ItemNoSeries;
}

public enum CatalogItemNumberFormat
{
    [BcWord("Item No. Series", "ItemNoSeries")]
    ItemNoSeries,

    [BcWord("Vendor Item No.", "VendorItemNo")]
    VendorItemNo,

    [BcWord("Mfr. + Vendor Item No.", "MfrPlusVendorItemNo")]
    MfrPlusVendorItemNo,

    [BcWord("Vendor Item No. + Mfr.", "VendorItemNoPlusMfr")]
    VendorItemNoPlusMfr,

    [BcWord("Entry No.", "EntryNo")]
    EntryNo,
}

/// <summary>The item created (its event and read position) and the catalog item that now links to it.</summary>
public sealed record ItemFromCatalogItem(CommandResult<ItemChanged> Item, CommandResult<CatalogItemChanged> CatalogItem);

public sealed class CreateItemFromCatalogItemHandler(WriteDbContext db, CreateItemHandler createItem, TimeProvider clock)
{
    public Task<ItemFromCatalogItem> HandleAsync(CreateItemFromCatalogItem command, CancellationToken cancellationToken = default)
    {
        var v = new Validation();
        v.Defined("numberFormat", (CatalogItemNumberFormat?)command.NumberFormat);
        v.ThrowIfInvalid();
        return SaveErrors.RetryOnConcurrencyAsync(db, () => TryCreateAsync(command, cancellationToken));
    }

    private async Task<ItemFromCatalogItem> TryCreateAsync(CreateItemFromCatalogItem command, CancellationToken cancellationToken)
    {
        // Two users pressing Create Item at once: the second waits here for the first to commit, then sees its link.
        await RowLocks.ExclusiveAsync(db, "catalog_items", command.CatalogItemId, cancellationToken);
        var catalogItem = await db.CatalogItems.SingleOrDefaultAsync(i => i.Id == command.CatalogItemId, cancellationToken)
            ?? throw new NotFoundException("Catalog item", command.CatalogItemId);
        if (catalogItem.ItemId is not null)
        {
            throw new ConflictException(
                "itemNumber", $"Catalog item {catalogItem.EntryNumber} has already been made into item {catalogItem.ItemNumber}.");
        }

        var number = NumberFor(catalogItem, command.NumberFormat);
        if (number is { Length: > Item.NumberLength })
        {
            throw ValidationFailedException.For(
                "numberFormat", $"'{number}' is longer than an item number may be ({Item.NumberLength}); choose another number format.");
        }

        // Joins this transaction: the item, its event, the link and the link's event commit together or not at all.
        var created = await createItem.HandleAsync(
            new CreateItem
            {
                Number = number,
                DisplayName = catalogItem.DisplayName,
                Type = ItemType.Inventory,
                BaseUnitOfMeasureCode = catalogItem.UnitOfMeasureCode,
                UnitPrice = catalogItem.UnitPrice,
                UnitCost = catalogItem.UnitCost,
                ItemCategoryCode = catalogItem.ItemCategoryCode,
            },
            cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        catalogItem.ItemId = created.Snapshot.ItemId;
        catalogItem.ItemNumber = created.Snapshot.Number;
        catalogItem.LastModifiedUtc = now;
        catalogItem.Version++;
        var snapshot = catalogItem.ToEvent();
        var position = db.Enqueue(snapshot, now);

        // Should another link still slip in (the version token fails this save), the retry finds it and refuses.
        await db.SaveChangesAsync(cancellationToken);
        return new ItemFromCatalogItem(created, new CommandResult<CatalogItemChanged>(snapshot, position));
    }

    /// <summary>The typed number for the format; null lets the item series assign one.</summary>
    private static string? NumberFor(CatalogItem item, CatalogItemNumberFormat format)
    {
        string Required(string value, string what) =>
            value.Length > 0 ? value : throw ValidationFailedException.For("numberFormat", $"needs a {what} on the catalog item.");

        return format switch
        {
            CatalogItemNumberFormat.VendorItemNo => Codes.Normalize(Required(item.VendorItemNumber, "vendor item number")),
            CatalogItemNumberFormat.MfrPlusVendorItemNo =>
                Codes.Normalize(Required(item.ManufacturerCode, "manufacturer code") + Required(item.VendorItemNumber, "vendor item number")),
            CatalogItemNumberFormat.VendorItemNoPlusMfr =>
                Codes.Normalize(Required(item.VendorItemNumber, "vendor item number") + Required(item.ManufacturerCode, "manufacturer code")),
            CatalogItemNumberFormat.EntryNo => item.EntryNumber,
            _ => null,
        };
    }
}

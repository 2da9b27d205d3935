using Saas.Contracts.Inventory;
using Saas.Tenancy.Storage;

namespace Saas.Write.Inventory.Catalog;

/// <summary>
/// A catalog (nonstock) item (BC table 5718): something a vendor offers that we sell without keeping it. Selling
/// it needs a real item, which <see cref="CreateItemFromCatalogItemHandler"/> creates once and links here.
/// </summary>
public sealed class CatalogItem : ITenantOwned
{
    // BC: Entry No. Code[20], Description Text[100], Manufacturer Code Code[10], Vendor No. Code[20],
    // Vendor Item No. Text[50], Unit of Measure Code[10], Item Category Code Code[20], Item No. Code[20].
    public const int EntryNumberLength = 20;
    public const int DisplayNameLength = 100;
    public const int ManufacturerCodeLength = 10;
    public const int VendorNumberLength = 20;
    public const int VendorItemNumberLength = 50;

    /// <summary>The number series of catalog items (BC: Nonstock Item Nos. of the Inventory Setup).</summary>
    public const string NumberSeries = "NS-ITEM";

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string EntryNumber { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string ManufacturerCode { get; set; } = "";
    public string VendorNumber { get; set; } = "";
    public string VendorItemNumber { get; set; } = "";
    public string UnitOfMeasureCode { get; set; } = "";
    public decimal UnitPrice { get; set; }

    /// <summary>BC's Negotiated Cost: what we pay the vendor; becomes the item's unit cost.</summary>
    public decimal UnitCost { get; set; }

    public string ItemCategoryCode { get; set; } = "";

    /// <summary>The item created from this entry; null until then. Set once, never cleared.</summary>
    public Guid? ItemId { get; set; }

    public string ItemNumber { get; set; } = "";
    public DateTime LastModifiedUtc { get; set; }
    public long Version { get; set; }

    public CatalogItemChanged ToEvent() => new()
    {
        TenantId = TenantId,
        CatalogItemId = Id,
        Version = Version,
        EntryNumber = EntryNumber,
        DisplayName = DisplayName,
        ManufacturerCode = ManufacturerCode,
        VendorNumber = VendorNumber,
        VendorItemNumber = VendorItemNumber,
        UnitOfMeasureCode = UnitOfMeasureCode,
        UnitPrice = UnitPrice,
        UnitCost = UnitCost,
        ItemCategoryCode = ItemCategoryCode,
        ItemId = ItemId,
        ItemNumber = ItemNumber,
        LastModifiedUtc = LastModifiedUtc,
    };
}

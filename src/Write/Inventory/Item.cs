using Saas.Contracts.MasterData;
using Saas.Tenancy.Storage;
using Saas.Write.Common;

namespace Saas.Write.Inventory;

/// <summary>An item card (BC table 27, the fields of the API v2.0 <c>items</c> entity that exist so far).</summary>
public sealed class Item : ITenantOwned
{
    // Lengths of BC's fields: No. Code[20], Description Text[100], Base Unit of Measure Code[10],
    // Item Category Code Code[20].
    public const int NumberLength = 20;
    public const int DisplayNameLength = 100;
    public const int UnitOfMeasureLength = 10;
    public const int CategoryLength = 20;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public ItemType Type { get; set; } = ItemType.Inventory;
    public string BaseUnitOfMeasureCode { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public decimal UnitCost { get; set; }
    public CostingMethod CostingMethod { get; set; } = CostingMethod.FIFO;
    public string ItemCategoryCode { get; set; } = "";
    public bool Blocked { get; set; }
    public bool SalesBlocked { get; set; }
    public bool PurchasingBlocked { get; set; }
    public DateTime LastModifiedUtc { get; set; }

    /// <summary>+1 per change; the ETag and the concurrency token, and what projections compare.</summary>
    public long Version { get; set; }

    // BC's posting groups of the item card; new items get the defaults of the seeded setup. Declared last so
    // that the migration that added them (appended columns) and the model agree on column order.
    public string GenProdPostingGroup { get; set; } = Finance.Setup.DefaultFinanceSetup.Retail;
    public string InventoryPostingGroup { get; set; } = Finance.Setup.DefaultFinanceSetup.Resale;
    public string VatProdPostingGroup { get; set; } = Finance.Setup.DefaultFinanceSetup.StandardVat;

    public ItemChanged ToEvent() => new()
    {
        TenantId = TenantId,
        ItemId = Id,
        Version = Version,
        Number = Number,
        DisplayName = DisplayName,
        Type = BcEnum.ToWord(Type),
        BaseUnitOfMeasureCode = BaseUnitOfMeasureCode,
        UnitPrice = UnitPrice,
        UnitCost = UnitCost,
        CostingMethod = BcEnum.ToWord(CostingMethod),
        ItemCategoryCode = ItemCategoryCode,
        Blocked = Blocked,
        SalesBlocked = SalesBlocked,
        PurchasingBlocked = PurchasingBlocked,
        LastModifiedUtc = LastModifiedUtc,
    };
}

public enum ItemType
{
    Inventory,
    Service,

    // BC's API v2.0 shows this member XML-escaped as "Non_x002D_Inventory"; clients copy that, so accept it.
    [BcWord("Non-Inventory", "Non_x002D_Inventory", "NonInventory")]
    NonInventory,
}

public enum CostingMethod
{
    FIFO,
    LIFO,
    Average,
    Standard,

    /// <summary>Needs item tracking (serial/lot numbers), which arrives later; accepted so the card can say it.</summary>
    Specific,
}

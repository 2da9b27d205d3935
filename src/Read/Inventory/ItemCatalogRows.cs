using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

// Rows of the item catalog's read tables (schema through ReadDbContext, DTOs through Dapper). Deleted rows stay
// as tombstones (Deleted = true, the deleting version): queries skip them, and an older snapshot delivered late
// loses against their version instead of bringing the row back.

/// <summary>A row of <c>item_category_list</c>.</summary>
public sealed class ItemCategoryRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string ParentCategory { get; set; } = "";
    public bool Deleted { get; set; }
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>A row of <c>item_attribute_list</c>.</summary>
public sealed class ItemAttributeRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";

    /// <summary>One option per line, as on the write side.</summary>
    public string OptionValues { get; set; } = "";

    public string UnitOfMeasure { get; set; } = "";
    public bool Blocked { get; set; }
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }

    public IReadOnlyList<string> Options => OptionValues.Length == 0 ? [] : OptionValues.Split('\n');
}

/// <summary>A row of <c>item_attribute_value_list</c>: a value on an item or a default on a category.</summary>
public sealed class ItemAttributeValueRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string OwnerType { get; set; } = "";
    public Guid OwnerId { get; set; }
    public Guid AttributeId { get; set; }
    public string Value { get; set; } = "";
    public bool Deleted { get; set; }
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>A row of <c>catalog_item_list</c>.</summary>
public sealed class CatalogItemRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public string EntryNumber { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string ManufacturerCode { get; set; } = "";
    public string VendorNumber { get; set; } = "";
    public string VendorItemNumber { get; set; } = "";
    public string UnitOfMeasureCode { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public decimal UnitCost { get; set; }
    public string ItemCategoryCode { get; set; } = "";
    public Guid? ItemId { get; set; }
    public string ItemNumber { get; set; } = "";
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

/// <summary>A row of <c>item_reference_list</c>.</summary>
public sealed class ItemReferenceRow : ITenantOwned
{
    private DateTime lastModifiedUtc;

    public Guid TenantId { get; set; }
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public string ReferenceType { get; set; } = "";
    public string ReferenceTypeNumber { get; set; } = "";
    public string ReferenceNumber { get; set; } = "";
    public string UnitOfMeasureCode { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Deleted { get; set; }
    public DateTime LastModifiedUtc { get => lastModifiedUtc; set => lastModifiedUtc = DateTime.SpecifyKind(value, DateTimeKind.Utc); }
    public long Version { get; set; }
}

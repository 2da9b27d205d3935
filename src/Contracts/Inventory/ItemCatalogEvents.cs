namespace Saas.Contracts.Inventory;

// Snapshots of the item catalog's master data (see MasterData.ItemChanged for why snapshots). A deletion is a
// snapshot too, with Deleted = true and a higher version: the read side keeps it as a tombstone, so an older
// snapshot delivered late cannot bring the deleted row back.

/// <summary>An item category (BC table 5722) after a change.</summary>
public sealed record ItemCategoryChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid ItemCategoryId { get; init; }
    public required long Version { get; init; }
    public required string Code { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>"" for a top-level category.</summary>
    public required string ParentCategory { get; init; }

    public required bool Deleted { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}

/// <summary>An item attribute definition (BC table 7500) after a change.</summary>
public sealed record ItemAttributeChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid ItemAttributeId { get; init; }
    public required long Version { get; init; }
    public required string Name { get; init; }

    /// <summary>BC word: Option, Text, Integer, Decimal.</summary>
    public required string Type { get; init; }

    public required IReadOnlyList<string> OptionValues { get; init; }
    public required string UnitOfMeasure { get; init; }
    public required bool Blocked { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}

/// <summary>
/// The value of one attribute on one item, or a default value on one item category (BC's Item Attribute Value
/// Mapping, table 7505, with the value folded in).
/// </summary>
public sealed record ItemAttributeValueChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid ItemAttributeValueId { get; init; }
    public required long Version { get; init; }

    /// <summary>"Item" or "Item Category".</summary>
    public required string OwnerType { get; init; }

    public required Guid OwnerId { get; init; }
    public required Guid ItemAttributeId { get; init; }
    public required string Value { get; init; }
    public required bool Deleted { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}

/// <summary>A catalog (nonstock) item (BC table 5718) after a change.</summary>
public sealed record CatalogItemChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid CatalogItemId { get; init; }
    public required long Version { get; init; }
    public required string EntryNumber { get; init; }
    public required string DisplayName { get; init; }
    public required string ManufacturerCode { get; init; }
    public required string VendorNumber { get; init; }
    public required string VendorItemNumber { get; init; }
    public required string UnitOfMeasureCode { get; init; }
    public required decimal UnitPrice { get; init; }
    public required decimal UnitCost { get; init; }
    public required string ItemCategoryCode { get; init; }

    /// <summary>The item created from this catalog item; null until then.</summary>
    public required Guid? ItemId { get; init; }

    public required string ItemNumber { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}

/// <summary>An item reference (BC table 5777) after a change.</summary>
public sealed record ItemReferenceChanged : ITenantEvent
{
    public required Guid TenantId { get; init; }
    public required Guid ItemReferenceId { get; init; }
    public required long Version { get; init; }
    public required Guid ItemId { get; init; }

    /// <summary>BC word: Customer, Vendor, Bar Code.</summary>
    public required string ReferenceType { get; init; }

    public required string ReferenceTypeNumber { get; init; }
    public required string ReferenceNumber { get; init; }
    public required string UnitOfMeasureCode { get; init; }
    public required string Description { get; init; }
    public required bool Deleted { get; init; }
    public required DateTime LastModifiedUtc { get; init; }
}

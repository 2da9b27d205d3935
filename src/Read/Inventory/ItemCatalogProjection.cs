using Saas.Contracts;
using Saas.Contracts.Inventory;
using Saas.Tenancy.Storage;

namespace Saas.Read.Inventory;

/// <summary>
/// Turns the item catalog's snapshots into read rows, for the consumer and the rebuild alike. As with master
/// data, an upsert only wins with a higher version, so delivery order and repeats do not matter.
/// </summary>
public static class ItemCatalogProjection
{
    public static bool Handles(ITenantEvent message) =>
        message is ItemCategoryChanged or ItemAttributeChanged or ItemAttributeValueChanged or CatalogItemChanged or ItemReferenceChanged;

    public static Task ProjectAsync(TenantSqlSession session, ITenantEvent message)
    {
        if (message.TenantId != session.TenantId)
        {
            // The consume filter refuses such messages already; this is the second wall.
            throw new InvalidOperationException(
                $"{message.GetType().Name} of tenant {message.TenantId} refused while tenant {session.TenantId} is in scope.");
        }

        return message switch
        {
            ItemCategoryChanged e => session.ExecuteAsync(
                """
                INSERT INTO item_category_list (tenant_id, id, code, display_name, parent_category, deleted, last_modified_utc, version)
                VALUES (@TenantId, @ItemCategoryId, @Code, @DisplayName, @ParentCategory, @Deleted, @LastModifiedUtc, @Version)
                ON CONFLICT (tenant_id, id) DO UPDATE SET
                    code = excluded.code, display_name = excluded.display_name, parent_category = excluded.parent_category,
                    deleted = excluded.deleted, last_modified_utc = excluded.last_modified_utc, version = excluded.version
                WHERE item_category_list.version < excluded.version
                """,
                new { e.ItemCategoryId, e.Code, e.DisplayName, e.ParentCategory, e.Deleted, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version }),
            ItemAttributeChanged e => session.ExecuteAsync(
                """
                INSERT INTO item_attribute_list (tenant_id, id, name, type, option_values, unit_of_measure, blocked, last_modified_utc, version)
                VALUES (@TenantId, @ItemAttributeId, @Name, @Type, @OptionValues, @UnitOfMeasure, @Blocked, @LastModifiedUtc, @Version)
                ON CONFLICT (tenant_id, id) DO UPDATE SET
                    name = excluded.name, type = excluded.type, option_values = excluded.option_values,
                    unit_of_measure = excluded.unit_of_measure, blocked = excluded.blocked,
                    last_modified_utc = excluded.last_modified_utc, version = excluded.version
                WHERE item_attribute_list.version < excluded.version
                """,
                new
                {
                    e.ItemAttributeId, e.Name, e.Type, OptionValues = string.Join('\n', e.OptionValues), e.UnitOfMeasure, e.Blocked,
                    LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
                }),
            ItemAttributeValueChanged e => session.ExecuteAsync(
                """
                INSERT INTO item_attribute_value_list (tenant_id, id, owner_type, owner_id, attribute_id, value, deleted, last_modified_utc, version)
                VALUES (@TenantId, @ItemAttributeValueId, @OwnerType, @OwnerId, @ItemAttributeId, @Value, @Deleted, @LastModifiedUtc, @Version)
                ON CONFLICT (tenant_id, id) DO UPDATE SET
                    value = excluded.value, deleted = excluded.deleted, last_modified_utc = excluded.last_modified_utc, version = excluded.version
                WHERE item_attribute_value_list.version < excluded.version
                """,
                new { e.ItemAttributeValueId, e.OwnerType, e.OwnerId, e.ItemAttributeId, e.Value, e.Deleted, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version }),
            CatalogItemChanged e => session.ExecuteAsync(
                """
                INSERT INTO catalog_item_list (tenant_id, id, entry_number, display_name, manufacturer_code, vendor_number, vendor_item_number,
                    unit_of_measure_code, unit_price, unit_cost, item_category_code, item_id, item_number, last_modified_utc, version)
                VALUES (@TenantId, @CatalogItemId, @EntryNumber, @DisplayName, @ManufacturerCode, @VendorNumber, @VendorItemNumber,
                    @UnitOfMeasureCode, @UnitPrice, @UnitCost, @ItemCategoryCode, @ItemId, @ItemNumber, @LastModifiedUtc, @Version)
                ON CONFLICT (tenant_id, id) DO UPDATE SET
                    entry_number = excluded.entry_number, display_name = excluded.display_name, manufacturer_code = excluded.manufacturer_code,
                    vendor_number = excluded.vendor_number, vendor_item_number = excluded.vendor_item_number,
                    unit_of_measure_code = excluded.unit_of_measure_code, unit_price = excluded.unit_price, unit_cost = excluded.unit_cost,
                    item_category_code = excluded.item_category_code, item_id = excluded.item_id, item_number = excluded.item_number,
                    last_modified_utc = excluded.last_modified_utc, version = excluded.version
                WHERE catalog_item_list.version < excluded.version
                """,
                new
                {
                    e.CatalogItemId, e.EntryNumber, e.DisplayName, e.ManufacturerCode, e.VendorNumber, e.VendorItemNumber, e.UnitOfMeasureCode,
                    e.UnitPrice, e.UnitCost, e.ItemCategoryCode, e.ItemId, e.ItemNumber, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
                }),
            ItemReferenceChanged e => session.ExecuteAsync(
                """
                INSERT INTO item_reference_list (tenant_id, id, item_id, reference_type, reference_type_number, reference_number,
                    unit_of_measure_code, description, deleted, last_modified_utc, version)
                VALUES (@TenantId, @ItemReferenceId, @ItemId, @ReferenceType, @ReferenceTypeNumber, @ReferenceNumber,
                    @UnitOfMeasureCode, @Description, @Deleted, @LastModifiedUtc, @Version)
                ON CONFLICT (tenant_id, id) DO UPDATE SET
                    reference_type = excluded.reference_type, reference_type_number = excluded.reference_type_number,
                    reference_number = excluded.reference_number, unit_of_measure_code = excluded.unit_of_measure_code,
                    description = excluded.description, deleted = excluded.deleted, last_modified_utc = excluded.last_modified_utc,
                    version = excluded.version
                WHERE item_reference_list.version < excluded.version
                """,
                new
                {
                    e.ItemReferenceId, e.ItemId, e.ReferenceType, e.ReferenceTypeNumber, e.ReferenceNumber, e.UnitOfMeasureCode, e.Description,
                    e.Deleted, LastModifiedUtc = Utc(e.LastModifiedUtc), e.Version,
                }),
            _ => throw new ArgumentException($"{message.GetType().Name} is not an item catalog event.", nameof(message)),
        };
    }

    /// <summary>Deletes the tenant's item catalog read rows (the first step of a rebuild).</summary>
    public static async Task DeleteAllAsync(TenantSqlSession session)
    {
        foreach (var table in new[] { "item_category_list", "item_attribute_list", "item_attribute_value_list", "catalog_item_list", "item_reference_list" })
        {
            await session.ExecuteAsync($"DELETE FROM {table} WHERE tenant_id = @TenantId");
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

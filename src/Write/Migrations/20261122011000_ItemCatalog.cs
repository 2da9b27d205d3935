using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>Item categories, attributes and their values, catalog (nonstock) items, item references. Hand-written.</summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122011000_ItemCatalog")]
public sealed class ItemCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "item_categories",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 20, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                parent_category = table.Column<string>(maxLength: 20, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_categories", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_item_categories_tenant_id_code", table: "item_categories", columns: ["tenant_id", "code"], unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_item_categories_tenant_id_parent_category", table: "item_categories", columns: ["tenant_id", "parent_category"]);

        migrationBuilder.CreateTable(
            name: "item_attributes",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 250, nullable: false),
                normalized_name = table.Column<string>(maxLength: 250, nullable: false),
                type = table.Column<string>(maxLength: 20, nullable: false),
                option_values = table.Column<string>(nullable: false),
                unit_of_measure = table.Column<string>(maxLength: 30, nullable: false),
                blocked = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_attributes", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_attributes_tenant_id_normalized_name", table: "item_attributes", columns: ["tenant_id", "normalized_name"], unique: true);

        migrationBuilder.CreateTable(
            name: "item_attribute_values",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                owner_type = table.Column<string>(maxLength: 20, nullable: false),
                owner_id = table.Column<Guid>(nullable: false),
                attribute_id = table.Column<Guid>(nullable: false),
                value = table.Column<string>(maxLength: 250, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_attribute_values", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_attribute_values_owner_attribute",
            table: "item_attribute_values",
            columns: ["tenant_id", "owner_type", "owner_id", "attribute_id"],
            unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_item_attribute_values_tenant_id_attribute_id", table: "item_attribute_values", columns: ["tenant_id", "attribute_id"]);

        migrationBuilder.CreateTable(
            name: "catalog_items",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                entry_number = table.Column<string>(maxLength: 20, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                manufacturer_code = table.Column<string>(maxLength: 10, nullable: false),
                vendor_number = table.Column<string>(maxLength: 20, nullable: false),
                vendor_item_number = table.Column<string>(maxLength: 50, nullable: false),
                unit_of_measure_code = table.Column<string>(maxLength: 10, nullable: false),
                unit_price = table.Column<decimal>(nullable: false),
                unit_cost = table.Column<decimal>(nullable: false),
                item_category_code = table.Column<string>(maxLength: 20, nullable: false),
                item_id = table.Column<Guid>(nullable: true),
                item_number = table.Column<string>(maxLength: 20, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_catalog_items", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_catalog_items_tenant_id_entry_number", table: "catalog_items", columns: ["tenant_id", "entry_number"], unique: true);

        migrationBuilder.CreateTable(
            name: "item_references",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                reference_type = table.Column<string>(maxLength: 20, nullable: false),
                reference_type_number = table.Column<string>(maxLength: 30, nullable: false),
                reference_number = table.Column<string>(maxLength: 50, nullable: false),
                unit_of_measure_code = table.Column<string>(maxLength: 10, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_references", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_references_reference",
            table: "item_references",
            columns: ["tenant_id", "reference_type", "reference_type_number", "reference_number"],
            unique: true);
        migrationBuilder.CreateIndex(name: "ix_item_references_tenant_id_item_id", table: "item_references", columns: ["tenant_id", "item_id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "item_references");
        migrationBuilder.DropTable(name: "catalog_items");
        migrationBuilder.DropTable(name: "item_attribute_values");
        migrationBuilder.DropTable(name: "item_attributes");
        migrationBuilder.DropTable(name: "item_categories");
    }
}

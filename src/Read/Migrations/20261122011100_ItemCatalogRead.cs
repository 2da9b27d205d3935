using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Read.Migrations;

/// <summary>The item catalog's read tables. Hand-written; a test compares it with the model.</summary>
[DbContext(typeof(ReadDbContext))]
[Migration("20261122011100_ItemCatalogRead")]
public sealed class ItemCatalogRead : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "item_category_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false),
                parent_category = table.Column<string>(nullable: false),
                deleted = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_category_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_item_category_list_tenant_id_code", table: "item_category_list", columns: ["tenant_id", "code"]);

        migrationBuilder.CreateTable(
            name: "item_attribute_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                type = table.Column<string>(nullable: false),
                option_values = table.Column<string>(nullable: false),
                unit_of_measure = table.Column<string>(nullable: false),
                blocked = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_attribute_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_item_attribute_list_tenant_id_name", table: "item_attribute_list", columns: ["tenant_id", "name"]);

        migrationBuilder.CreateTable(
            name: "item_attribute_value_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                owner_type = table.Column<string>(nullable: false),
                owner_id = table.Column<Guid>(nullable: false),
                attribute_id = table.Column<Guid>(nullable: false),
                value = table.Column<string>(nullable: false),
                deleted = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_attribute_value_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_attribute_value_list_tenant_id_owner_id", table: "item_attribute_value_list", columns: ["tenant_id", "owner_id"]);

        migrationBuilder.CreateTable(
            name: "catalog_item_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                entry_number = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false),
                manufacturer_code = table.Column<string>(nullable: false),
                vendor_number = table.Column<string>(nullable: false),
                vendor_item_number = table.Column<string>(nullable: false),
                unit_of_measure_code = table.Column<string>(nullable: false),
                unit_price = table.Column<decimal>(nullable: false),
                unit_cost = table.Column<decimal>(nullable: false),
                item_category_code = table.Column<string>(nullable: false),
                item_id = table.Column<Guid>(nullable: true),
                item_number = table.Column<string>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_catalog_item_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_catalog_item_list_tenant_id_entry_number", table: "catalog_item_list", columns: ["tenant_id", "entry_number"]);

        migrationBuilder.CreateTable(
            name: "item_reference_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                reference_type = table.Column<string>(nullable: false),
                reference_type_number = table.Column<string>(nullable: false),
                reference_number = table.Column<string>(nullable: false),
                unit_of_measure_code = table.Column<string>(nullable: false),
                description = table.Column<string>(nullable: false),
                deleted = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_reference_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_reference_list_tenant_id_reference_number", table: "item_reference_list", columns: ["tenant_id", "reference_number"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "item_reference_list");
        migrationBuilder.DropTable(name: "catalog_item_list");
        migrationBuilder.DropTable(name: "item_attribute_value_list");
        migrationBuilder.DropTable(name: "item_attribute_list");
        migrationBuilder.DropTable(name: "item_category_list");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Read.Migrations;

/// <summary>Quantity and cost on hand per item and location, and the registers in them. Hand-written; a test compares it with the model.</summary>
[DbContext(typeof(ReadDbContext))]
[Migration("20261122024000_InventoryRead")]
public sealed class InventoryRead : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "item_location_inventory",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                location_code = table.Column<string>(nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                cost_amount = table.Column<decimal>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_location_inventory", x => new { x.tenant_id, x.item_id, x.location_code }));

        migrationBuilder.CreateTable(
            name: "inventory_projected_register",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                register_no = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inventory_projected_register", x => new { x.tenant_id, x.register_no }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "inventory_projected_register");
        migrationBuilder.DropTable(name: "item_location_inventory");
    }
}

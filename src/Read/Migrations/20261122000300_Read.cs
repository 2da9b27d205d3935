using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Read.Migrations;

/// <summary>Hand-written (EF's Design package is not available here); a test compares it with the model.</summary>
[DbContext(typeof(ReadDbContext))]
[Migration("20261122000300_Read")]
public sealed class Read : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "item_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false),
                type = table.Column<string>(nullable: false),
                base_unit_of_measure_code = table.Column<string>(nullable: false),
                unit_price = table.Column<decimal>(nullable: false),
                unit_cost = table.Column<decimal>(nullable: false),
                costing_method = table.Column<string>(nullable: false),
                item_category_code = table.Column<string>(nullable: false),
                blocked = table.Column<bool>(nullable: false),
                sales_blocked = table.Column<bool>(nullable: false),
                purchasing_blocked = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_item_list_tenant_id_number", table: "item_list", columns: ["tenant_id", "number"]);

        migrationBuilder.CreateTable(
            name: "customer_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false),
                address_line1 = table.Column<string>(nullable: false),
                address_line2 = table.Column<string>(nullable: false),
                city = table.Column<string>(nullable: false),
                state = table.Column<string>(nullable: false),
                postal_code = table.Column<string>(nullable: false),
                country = table.Column<string>(nullable: false),
                phone_number = table.Column<string>(nullable: false),
                email = table.Column<string>(nullable: false),
                currency_code = table.Column<string>(nullable: false),
                payment_terms_code = table.Column<string>(nullable: false),
                credit_limit = table.Column<decimal>(nullable: false),
                blocked = table.Column<string>(nullable: false),
                shipping_advice = table.Column<string>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_customer_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_customer_list_tenant_id_number", table: "customer_list", columns: ["tenant_id", "number"]);

        migrationBuilder.CreateTable(
            name: "vendor_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false),
                address_line1 = table.Column<string>(nullable: false),
                address_line2 = table.Column<string>(nullable: false),
                city = table.Column<string>(nullable: false),
                state = table.Column<string>(nullable: false),
                postal_code = table.Column<string>(nullable: false),
                country = table.Column<string>(nullable: false),
                phone_number = table.Column<string>(nullable: false),
                email = table.Column<string>(nullable: false),
                currency_code = table.Column<string>(nullable: false),
                payment_terms_code = table.Column<string>(nullable: false),
                blocked = table.Column<string>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_vendor_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_vendor_list_tenant_id_number", table: "vendor_list", columns: ["tenant_id", "number"]);

        migrationBuilder.CreateTable(
            name: "location_list",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(nullable: false),
                display_name = table.Column<string>(nullable: false),
                address_line1 = table.Column<string>(nullable: false),
                address_line2 = table.Column<string>(nullable: false),
                city = table.Column<string>(nullable: false),
                state = table.Column<string>(nullable: false),
                postal_code = table.Column<string>(nullable: false),
                country = table.Column<string>(nullable: false),
                use_as_in_transit = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_location_list", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_location_list_tenant_id_code", table: "location_list", columns: ["tenant_id", "code"]);

        migrationBuilder.CreateTable(
            name: "inbox",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                message_id = table.Column<Guid>(nullable: false),
                consumer = table.Column<string>(maxLength: 100, nullable: false),
                processed_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inbox", x => new { x.tenant_id, x.message_id, x.consumer }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "inbox");
        migrationBuilder.DropTable(name: "location_list");
        migrationBuilder.DropTable(name: "vendor_list");
        migrationBuilder.DropTable(name: "customer_list");
        migrationBuilder.DropTable(name: "item_list");
    }
}

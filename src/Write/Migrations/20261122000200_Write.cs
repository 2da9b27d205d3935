using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Saas.Write.Migrations;

/// <summary>
/// Hand-written (EF's Design package is not available here). Column types are left to each provider;
/// a test compares the migrated schema with the model's on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122000200_Write")]
public sealed class Write : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "items",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 20, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                type = table.Column<string>(maxLength: 20, nullable: false),
                base_unit_of_measure_code = table.Column<string>(maxLength: 10, nullable: false),
                unit_price = table.Column<decimal>(nullable: false),
                unit_cost = table.Column<decimal>(nullable: false),
                costing_method = table.Column<string>(maxLength: 20, nullable: false),
                item_category_code = table.Column<string>(maxLength: 20, nullable: false),
                blocked = table.Column<bool>(nullable: false),
                sales_blocked = table.Column<bool>(nullable: false),
                purchasing_blocked = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_items", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_items_tenant_id_number", table: "items", columns: ["tenant_id", "number"], unique: true);

        migrationBuilder.CreateTable(
            name: "customers",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 20, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                address_line1 = table.Column<string>(maxLength: 100, nullable: false),
                address_line2 = table.Column<string>(maxLength: 50, nullable: false),
                city = table.Column<string>(maxLength: 30, nullable: false),
                state = table.Column<string>(maxLength: 30, nullable: false),
                postal_code = table.Column<string>(maxLength: 20, nullable: false),
                country = table.Column<string>(maxLength: 10, nullable: false),
                phone_number = table.Column<string>(maxLength: 30, nullable: false),
                email = table.Column<string>(maxLength: 80, nullable: false),
                currency_code = table.Column<string>(maxLength: 10, nullable: false),
                payment_terms_code = table.Column<string>(maxLength: 10, nullable: false),
                credit_limit = table.Column<decimal>(nullable: false),
                blocked = table.Column<string>(maxLength: 20, nullable: false),
                shipping_advice = table.Column<string>(maxLength: 20, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_customers", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_customers_tenant_id_number", table: "customers", columns: ["tenant_id", "number"], unique: true);

        migrationBuilder.CreateTable(
            name: "vendors",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 20, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                address_line1 = table.Column<string>(maxLength: 100, nullable: false),
                address_line2 = table.Column<string>(maxLength: 50, nullable: false),
                city = table.Column<string>(maxLength: 30, nullable: false),
                state = table.Column<string>(maxLength: 30, nullable: false),
                postal_code = table.Column<string>(maxLength: 20, nullable: false),
                country = table.Column<string>(maxLength: 10, nullable: false),
                phone_number = table.Column<string>(maxLength: 30, nullable: false),
                email = table.Column<string>(maxLength: 80, nullable: false),
                currency_code = table.Column<string>(maxLength: 10, nullable: false),
                payment_terms_code = table.Column<string>(maxLength: 10, nullable: false),
                blocked = table.Column<string>(maxLength: 20, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_vendors", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_vendors_tenant_id_number", table: "vendors", columns: ["tenant_id", "number"], unique: true);

        migrationBuilder.CreateTable(
            name: "locations",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 10, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                address_line1 = table.Column<string>(maxLength: 100, nullable: false),
                address_line2 = table.Column<string>(maxLength: 50, nullable: false),
                city = table.Column<string>(maxLength: 30, nullable: false),
                state = table.Column<string>(maxLength: 30, nullable: false),
                postal_code = table.Column<string>(maxLength: 20, nullable: false),
                country = table.Column<string>(maxLength: 10, nullable: false),
                use_as_in_transit = table.Column<bool>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_locations", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_locations_tenant_id_code", table: "locations", columns: ["tenant_id", "code"], unique: true);

        migrationBuilder.CreateTable(
            name: "no_series",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                starting_no = table.Column<string>(maxLength: 20, nullable: false),
                increment_by = table.Column<int>(nullable: false),
                last_no_used = table.Column<string>(maxLength: 20, nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_no_series", x => new { x.tenant_id, x.code }));

        migrationBuilder.CreateTable(
            name: "outbox",
            columns: table => new
            {
                id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                message_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 200, nullable: false),
                body = table.Column<string>(nullable: false),
                occurred_utc = table.Column<DateTime>(nullable: false),
                attempts = table.Column<int>(nullable: false),
                next_attempt_utc = table.Column<DateTime>(nullable: false),
                published_utc = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(maxLength: 2000, nullable: true),
                parked = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_outbox", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_outbox_message_id", table: "outbox", column: "message_id", unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_outbox_next_attempt_utc_id", table: "outbox", columns: ["next_attempt_utc", "id"], filter: "published_utc IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "outbox");
        migrationBuilder.DropTable(name: "no_series");
        migrationBuilder.DropTable(name: "locations");
        migrationBuilder.DropTable(name: "vendors");
        migrationBuilder.DropTable(name: "customers");
        migrationBuilder.DropTable(name: "items");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Finance setup, item/value/application/G/L ledgers, registers and the posting counters; posting groups on items.
/// Hand-written like the first migration; a test compares the result with the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122010000_PostingCore")]
public sealed class PostingCore : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "gen_prod_posting_group", table: "items", maxLength: 20, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "inventory_posting_group", table: "items", maxLength: 20, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "vat_prod_posting_group", table: "items", maxLength: 20, nullable: false, defaultValue: "");
        // Items created before posting existed get the groups of the seeded setup (services: no inventory).
        migrationBuilder.Sql("UPDATE items SET gen_prod_posting_group = CASE WHEN type = 'Service' THEN 'SERVICES' ELSE 'RETAIL' END, inventory_posting_group = CASE WHEN type = 'Inventory' THEN 'RESALE' ELSE '' END, vat_prod_posting_group = 'STANDARD'");

        migrationBuilder.CreateTable(
            name: "gl_accounts",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 20, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                income_balance = table.Column<string>(maxLength: 20, nullable: false),
                category = table.Column<string>(maxLength: 20, nullable: false),
                direct_posting = table.Column<bool>(nullable: false),
                blocked = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_gl_accounts", x => new { x.tenant_id, x.number }));
        migrationBuilder.CreateTable(
            name: "posting_groups",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                code = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                account = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_posting_groups", x => new { x.tenant_id, x.kind, x.code }));
        migrationBuilder.CreateTable(
            name: "general_posting_setups",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                gen_bus_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                gen_prod_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                sales_account = table.Column<string>(maxLength: 20, nullable: false),
                sales_credit_memo_account = table.Column<string>(maxLength: 20, nullable: false),
                purchase_account = table.Column<string>(maxLength: 20, nullable: false),
                purchase_credit_memo_account = table.Column<string>(maxLength: 20, nullable: false),
                cogs_account = table.Column<string>(maxLength: 20, nullable: false),
                cogs_interim_account = table.Column<string>(maxLength: 20, nullable: false),
                inventory_adjustment_account = table.Column<string>(maxLength: 20, nullable: false),
                inventory_accrual_interim_account = table.Column<string>(maxLength: 20, nullable: false),
                direct_cost_applied_account = table.Column<string>(maxLength: 20, nullable: false),
                overhead_applied_account = table.Column<string>(maxLength: 20, nullable: false),
                purchase_variance_account = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_general_posting_setups", x => new { x.tenant_id, x.gen_bus_posting_group, x.gen_prod_posting_group }));
        migrationBuilder.CreateTable(
            name: "inventory_posting_setups",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                location_code = table.Column<string>(maxLength: 20, nullable: false),
                inventory_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                inventory_account = table.Column<string>(maxLength: 20, nullable: false),
                inventory_interim_account = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_inventory_posting_setups", x => new { x.tenant_id, x.location_code, x.inventory_posting_group }));
        migrationBuilder.CreateTable(
            name: "vat_posting_setups",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                vat_bus_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                vat_prod_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                vat_percent = table.Column<decimal>(nullable: false),
                calculation_type = table.Column<string>(maxLength: 20, nullable: false),
                sales_vat_account = table.Column<string>(maxLength: 20, nullable: false),
                purchase_vat_account = table.Column<string>(maxLength: 20, nullable: false),
                reverse_charge_vat_account = table.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_vat_posting_setups", x => new { x.tenant_id, x.vat_bus_posting_group, x.vat_prod_posting_group }));
        migrationBuilder.CreateTable(
            name: "general_ledger_setups",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                allow_posting_from = table.Column<DateOnly?>(nullable: true),
                allow_posting_to = table.Column<DateOnly?>(nullable: true),
                inventory_closed_through = table.Column<DateOnly?>(nullable: true),
                expected_cost_posting_to_gl = table.Column<bool>(nullable: false),
                automatic_cost_adjustment = table.Column<bool>(nullable: false),
                average_cost_period = table.Column<string>(maxLength: 10, nullable: false),
                allow_negative_inventory = table.Column<bool>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_general_ledger_setups", x => x.tenant_id));
        migrationBuilder.CreateTable(
            name: "posting_counters",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                last_item_ledger_entry_no = table.Column<long>(nullable: false),
                last_value_entry_no = table.Column<long>(nullable: false),
                last_application_entry_no = table.Column<long>(nullable: false),
                last_gl_entry_no = table.Column<long>(nullable: false),
                last_register_no = table.Column<long>(nullable: false),
                last_transaction_no = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_posting_counters", x => x.tenant_id));
        migrationBuilder.CreateTable(
            name: "item_ledger_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                entry_no = table.Column<long>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                item_no = table.Column<string>(maxLength: 20, nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
                entry_type = table.Column<string>(maxLength: 20, nullable: false),
                document_no = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                location_code = table.Column<string>(maxLength: 10, nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                positive = table.Column<bool>(nullable: false),
                applies_to_entry = table.Column<long>(nullable: false),
                cost_source_entry = table.Column<long>(nullable: false),
                unapplied_unit_cost = table.Column<decimal>(nullable: false),
                gen_bus_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                gen_prod_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                inventory_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                register_no = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_ledger_entries", x => new { x.tenant_id, x.entry_no }));
        migrationBuilder.CreateIndex(name: "ix_item_ledger_entries_tenant_id_document_no", table: "item_ledger_entries", columns: ["tenant_id", "document_no"]);
        migrationBuilder.CreateIndex(name: "ix_item_ledger_entries_tenant_id_item_id_entry_no", table: "item_ledger_entries", columns: ["tenant_id", "item_id", "entry_no"]);
        migrationBuilder.CreateTable(
            name: "open_item_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                entry_no = table.Column<long>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                location_code = table.Column<string>(maxLength: 10, nullable: false),
                positive = table.Column<bool>(nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
                remaining_quantity = table.Column<decimal>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_open_item_entries", x => new { x.tenant_id, x.entry_no }));
        migrationBuilder.CreateIndex(name: "ix_open_item_entries_tenant_id_item_id_location_code_positive", table: "open_item_entries", columns: ["tenant_id", "item_id", "location_code", "positive"]);
        migrationBuilder.CreateTable(
            name: "item_application_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                entry_no = table.Column<long>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                inbound_entry_no = table.Column<long>(nullable: false),
                outbound_entry_no = table.Column<long>(nullable: false),
                item_ledger_entry_no = table.Column<long>(nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_application_entries", x => new { x.tenant_id, x.entry_no }));
        migrationBuilder.CreateIndex(name: "ix_item_application_entries_tenant_id_item_id_entry_no", table: "item_application_entries", columns: ["tenant_id", "item_id", "entry_no"]);
        migrationBuilder.CreateTable(
            name: "value_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                entry_no = table.Column<long>(nullable: false),
                item_ledger_entry_no = table.Column<long>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                item_no = table.Column<string>(maxLength: 20, nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
                valuation_date = table.Column<DateOnly>(nullable: false),
                entry_type = table.Column<string>(maxLength: 20, nullable: false),
                item_ledger_entry_type = table.Column<string>(maxLength: 20, nullable: false),
                document_no = table.Column<string>(maxLength: 20, nullable: false),
                location_code = table.Column<string>(maxLength: 10, nullable: false),
                item_ledger_entry_quantity = table.Column<decimal>(nullable: false),
                invoiced_quantity = table.Column<decimal>(nullable: false),
                valued_quantity = table.Column<decimal>(nullable: false),
                cost_amount_expected = table.Column<decimal>(nullable: false),
                cost_amount_actual = table.Column<decimal>(nullable: false),
                sales_amount_actual = table.Column<decimal>(nullable: false),
                adjustment = table.Column<bool>(nullable: false),
                gen_bus_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                gen_prod_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                inventory_posting_group = table.Column<string>(maxLength: 20, nullable: false),
                register_no = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_value_entries", x => new { x.tenant_id, x.entry_no }));
        migrationBuilder.CreateIndex(name: "ix_value_entries_tenant_id_item_id_entry_no", table: "value_entries", columns: ["tenant_id", "item_id", "entry_no"]);
        migrationBuilder.CreateIndex(name: "ix_value_entries_tenant_id_item_ledger_entry_no", table: "value_entries", columns: ["tenant_id", "item_ledger_entry_no"]);
        migrationBuilder.CreateTable(
            name: "gl_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                entry_no = table.Column<long>(nullable: false),
                transaction_no = table.Column<long>(nullable: false),
                gl_account_no = table.Column<string>(maxLength: 20, nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
                document_no = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                amount = table.Column<decimal>(nullable: false),
                value_entry_no = table.Column<long>(nullable: false),
                source_code = table.Column<string>(maxLength: 10, nullable: false),
                register_no = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_gl_entries", x => new { x.tenant_id, x.entry_no }));
        migrationBuilder.CreateIndex(name: "ix_gl_entries_tenant_id_gl_account_no_posting_date", table: "gl_entries", columns: ["tenant_id", "gl_account_no", "posting_date"]);
        migrationBuilder.CreateIndex(name: "ix_gl_entries_tenant_id_posting_date", table: "gl_entries", columns: ["tenant_id", "posting_date"]);
        migrationBuilder.CreateTable(
            name: "gl_registers",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                no = table.Column<long>(nullable: false),
                transaction_no = table.Column<long>(nullable: false),
                source_code = table.Column<string>(maxLength: 10, nullable: false),
                idempotency_key = table.Column<string>(maxLength: 100, nullable: true),
                from_gl_entry_no = table.Column<long>(nullable: false),
                to_gl_entry_no = table.Column<long>(nullable: false),
                from_item_ledger_entry_no = table.Column<long>(nullable: false),
                to_item_ledger_entry_no = table.Column<long>(nullable: false),
                from_value_entry_no = table.Column<long>(nullable: false),
                to_value_entry_no = table.Column<long>(nullable: false),
                from_application_entry_no = table.Column<long>(nullable: false),
                to_application_entry_no = table.Column<long>(nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_gl_registers", x => new { x.tenant_id, x.no }));
        migrationBuilder.CreateIndex(name: "ix_gl_registers_tenant_id_idempotency_key", table: "gl_registers", columns: ["tenant_id", "idempotency_key"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "gl_registers");
        migrationBuilder.DropTable(name: "gl_entries");
        migrationBuilder.DropTable(name: "value_entries");
        migrationBuilder.DropTable(name: "item_application_entries");
        migrationBuilder.DropTable(name: "open_item_entries");
        migrationBuilder.DropTable(name: "item_ledger_entries");
        migrationBuilder.DropTable(name: "posting_counters");
        migrationBuilder.DropTable(name: "general_ledger_setups");
        migrationBuilder.DropTable(name: "vat_posting_setups");
        migrationBuilder.DropTable(name: "inventory_posting_setups");
        migrationBuilder.DropTable(name: "general_posting_setups");
        migrationBuilder.DropTable(name: "posting_groups");
        migrationBuilder.DropTable(name: "gl_accounts");
        migrationBuilder.DropColumn(name: "gen_prod_posting_group", table: "items");
        migrationBuilder.DropColumn(name: "inventory_posting_group", table: "items");
        migrationBuilder.DropColumn(name: "vat_prod_posting_group", table: "items");
    }
}

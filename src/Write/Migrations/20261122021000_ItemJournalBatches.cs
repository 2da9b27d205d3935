using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>Stored item journals: batches per template and their numbered lines. Hand-written.</summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122021000_ItemJournalBatches")]
public sealed class ItemJournalBatches : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "item_journal_batches",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                template = table.Column<string>(maxLength: 20, nullable: false),
                code = table.Column<string>(maxLength: 10, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_journal_batches", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_journal_batches_tenant_id_template_code", table: "item_journal_batches", columns: ["tenant_id", "template", "code"], unique: true);

        migrationBuilder.CreateTable(
            name: "item_journal_batch_lines",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                batch_id = table.Column<Guid>(nullable: false),
                line_number = table.Column<int>(nullable: false),
                entry_type = table.Column<string>(maxLength: 20, nullable: false),
                item_number = table.Column<string>(maxLength: 20, nullable: false),
                location_code = table.Column<string>(maxLength: 10, nullable: false),
                new_location_code = table.Column<string>(maxLength: 10, nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
                document_number = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                unit_cost = table.Column<decimal>(nullable: true),
                applies_to_entry = table.Column<long>(nullable: true),
                quantity_calculated = table.Column<decimal>(nullable: false),
                quantity_phys_inventory = table.Column<decimal>(nullable: true),
                inventory_value_calculated = table.Column<decimal>(nullable: false),
                unit_cost_calculated = table.Column<decimal>(nullable: false),
                inventory_value_revalued = table.Column<decimal>(nullable: true),
                unit_cost_revalued = table.Column<decimal>(nullable: true),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_item_journal_batch_lines", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_item_journal_batch_lines_tenant_id_batch_id_line_number",
            table: "item_journal_batch_lines",
            columns: ["tenant_id", "batch_id", "line_number"],
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "item_journal_batch_lines");
        migrationBuilder.DropTable(name: "item_journal_batches");
    }
}

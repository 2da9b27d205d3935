using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Issue 8. The items whose cost is not adjusted yet ("Adjust Cost - Item Entries" touches only those): companies
/// that post with automatic cost adjustment off get every item with entries marked from its first entry, so the
/// first batch run after the upgrade still adjusts what was left before it. And the running totals of Average items
/// (quantity and value), from which the incremental adjustment's opening is taken; they start empty and a posting
/// sums an item's ledgers once when it first needs them. Hand-written (ADR 004).
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261204010000_CostAdjustmentEntryPoints")]
public sealed class CostAdjustmentEntryPoints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "cost_adjustment_entry_points",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                valuation_date = table.Column<DateOnly>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_cost_adjustment_entry_points", x => new { x.tenant_id, x.item_id }));
        migrationBuilder.Sql(
            """
            INSERT INTO cost_adjustment_entry_points (tenant_id, item_id, valuation_date)
            SELECT e.tenant_id, e.item_id, MIN(e.posting_date)
            FROM item_ledger_entries e
            JOIN general_ledger_setups s ON s.tenant_id = e.tenant_id AND s.automatic_cost_adjustment = FALSE
            GROUP BY e.tenant_id, e.item_id
            """);
        migrationBuilder.CreateTable(
            name: "average_item_totals",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                cost_amount = table.Column<decimal>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_average_item_totals", x => new { x.tenant_id, x.item_id }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "average_item_totals");
        migrationBuilder.DropTable(name: "cost_adjustment_entry_points");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Indexes that let cost adjustment of Average items start at the earliest average-cost period a posting changed
/// (ADR 008): an item's entries from a posting date on (and the latest outbound one before it), and its value
/// entries valued before a date (the opening value). Hand-written.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122025000_AverageCostIndexes")]
public sealed class AverageCostIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "ix_item_ledger_entries_tenant_id_item_id_posting_date", table: "item_ledger_entries", columns: ["tenant_id", "item_id", "posting_date"]);
        migrationBuilder.CreateIndex(
            name: "ix_value_entries_tenant_id_item_id_valuation_date", table: "value_entries", columns: ["tenant_id", "item_id", "valuation_date"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_value_entries_tenant_id_item_id_valuation_date", table: "value_entries");
        migrationBuilder.DropIndex(name: "ix_item_ledger_entries_tenant_id_item_id_posting_date", table: "item_ledger_entries");
    }
}

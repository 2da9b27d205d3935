using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Indexes that let cost adjustment follow application chains instead of reading an item's whole history
/// (ADR 008): outbound entries applied to an inbound entry, the inbound entries an outbound one took from, and
/// the entries that take their cost from an outbound entry (transfer receipts, returns). Hand-written.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122023000_CostAdjustmentIndexes")]
public sealed class CostAdjustmentIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "ix_item_application_entries_tenant_id_inbound_entry_no", table: "item_application_entries", columns: ["tenant_id", "inbound_entry_no"]);
        migrationBuilder.CreateIndex(
            name: "ix_item_application_entries_tenant_id_outbound_entry_no", table: "item_application_entries", columns: ["tenant_id", "outbound_entry_no"]);
        migrationBuilder.CreateIndex(
            name: "ix_item_ledger_entries_tenant_id_cost_source_entry", table: "item_ledger_entries", columns: ["tenant_id", "cost_source_entry"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_item_ledger_entries_tenant_id_cost_source_entry", table: "item_ledger_entries");
        migrationBuilder.DropIndex(name: "ix_item_application_entries_tenant_id_outbound_entry_no", table: "item_application_entries");
        migrationBuilder.DropIndex(name: "ix_item_application_entries_tenant_id_inbound_entry_no", table: "item_application_entries");
    }
}

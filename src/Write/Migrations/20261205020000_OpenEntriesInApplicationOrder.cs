using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Open item entries indexed in the order they are applied (posting date, entry no. within item, location and side),
/// so that a posting reads the first page of one side as an index range instead of sorting every open entry of the
/// item (ADR 010). The new index has the old one's columns as its prefix, so it replaces it. Hand-written.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261205020000_OpenEntriesInApplicationOrder")]
public sealed class OpenEntriesInApplicationOrder : Migration
{
    private const string Old = "ix_open_item_entries_tenant_id_item_id_location_code_positive";
    private const string New = "ix_open_item_entries_application_order";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: Old, table: "open_item_entries");
        migrationBuilder.CreateIndex(
            name: New, table: "open_item_entries", columns: ["tenant_id", "item_id", "location_code", "positive", "posting_date", "entry_no"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: New, table: "open_item_entries");
        migrationBuilder.CreateIndex(name: Old, table: "open_item_entries", columns: ["tenant_id", "item_id", "location_code", "positive"]);
    }
}

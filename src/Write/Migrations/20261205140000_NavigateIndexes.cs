using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Indexes that let Navigate find a document's entries and follow a value entry to its G/L entries without reading
/// a company's whole ledger: G/L and value entries by document number (item ledger entries have one already), G/L
/// entries by the value entry they were posted for. BC keys these tables on Document No. for the same reason. Hand-written.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261205140000_NavigateIndexes")]
public sealed class NavigateIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "ix_gl_entries_tenant_id_document_no", table: "gl_entries", columns: ["tenant_id", "document_no"]);
        migrationBuilder.CreateIndex(name: "ix_gl_entries_tenant_id_value_entry_no", table: "gl_entries", columns: ["tenant_id", "value_entry_no"]);
        migrationBuilder.CreateIndex(name: "ix_value_entries_tenant_id_document_no", table: "value_entries", columns: ["tenant_id", "document_no"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_value_entries_tenant_id_document_no", table: "value_entries");
        migrationBuilder.DropIndex(name: "ix_gl_entries_tenant_id_value_entry_no", table: "gl_entries");
        migrationBuilder.DropIndex(name: "ix_gl_entries_tenant_id_document_no", table: "gl_entries");
    }
}

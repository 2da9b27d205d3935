using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>Transfer orders and their lines; posted transfer shipments and receipts with their lines. Hand-written.</summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261122020000_TransferOrders")]
public sealed class TransferOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "transfer_headers",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                number = table.Column<string>(maxLength: 20, nullable: false),
                transfer_from_code = table.Column<string>(maxLength: 10, nullable: false),
                transfer_to_code = table.Column<string>(maxLength: 10, nullable: false),
                in_transit_code = table.Column<string>(maxLength: 10, nullable: false),
                shipment_date = table.Column<DateOnly>(nullable: false),
                receipt_date = table.Column<DateOnly>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_transfer_headers", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(name: "ix_transfer_headers_tenant_id_number", table: "transfer_headers", columns: ["tenant_id", "number"], unique: true);

        migrationBuilder.CreateTable(
            name: "transfer_lines",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                transfer_order_id = table.Column<Guid>(nullable: false),
                line_no = table.Column<int>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                item_no = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                qty_to_ship = table.Column<decimal>(nullable: false),
                quantity_shipped = table.Column<decimal>(nullable: false),
                qty_to_receive = table.Column<decimal>(nullable: false),
                quantity_received = table.Column<decimal>(nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
                version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_transfer_lines", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_transfer_lines_tenant_id_transfer_order_id_line_no", table: "transfer_lines",
            columns: ["tenant_id", "transfer_order_id", "line_no"], unique: true);

        migrationBuilder.CreateTable(
            name: "posted_transfer_documents",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                document_type = table.Column<string>(maxLength: 20, nullable: false),
                number = table.Column<string>(maxLength: 20, nullable: false),
                transfer_order_no = table.Column<string>(maxLength: 20, nullable: false),
                transfer_from_code = table.Column<string>(maxLength: 10, nullable: false),
                transfer_to_code = table.Column<string>(maxLength: 10, nullable: false),
                in_transit_code = table.Column<string>(maxLength: 10, nullable: false),
                posting_date = table.Column<DateOnly>(nullable: false),
                idempotency_key = table.Column<string>(maxLength: 100, nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_posted_transfer_documents", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_posted_transfer_documents_tenant_id_document_type_number", table: "posted_transfer_documents",
            columns: ["tenant_id", "document_type", "number"], unique: true);
        migrationBuilder.CreateIndex(
            name: "ix_posted_transfer_documents_tenant_id_transfer_order_no", table: "posted_transfer_documents",
            columns: ["tenant_id", "transfer_order_no"]);

        migrationBuilder.CreateTable(
            name: "posted_transfer_lines",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                document_id = table.Column<Guid>(nullable: false),
                line_no = table.Column<int>(nullable: false),
                transfer_order_line_no = table.Column<int>(nullable: false),
                item_no = table.Column<string>(maxLength: 20, nullable: false),
                description = table.Column<string>(maxLength: 100, nullable: false),
                quantity = table.Column<decimal>(nullable: false),
                in_transit_entry_no = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_posted_transfer_lines", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_posted_transfer_lines_tenant_id_document_id_line_no", table: "posted_transfer_lines",
            columns: ["tenant_id", "document_id", "line_no"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "posted_transfer_lines");
        migrationBuilder.DropTable(name: "posted_transfer_documents");
        migrationBuilder.DropTable(name: "transfer_lines");
        migrationBuilder.DropTable(name: "transfer_headers");
    }
}

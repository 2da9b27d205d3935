using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// The outbox dispatcher's claim (ADR 003, issue 8): rows are leased to one dispatcher in a short transaction and
/// published outside it, so the row must say which claim holds it. Nullable: existing rows are unclaimed.
/// Hand-written.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261204000000_OutboxClaims")]
public sealed class OutboxClaims : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "claim_id", table: "outbox", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "claim_id", table: "outbox");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// The hash of the request an idempotency key first posted, next to the key on the G/L register, so that the same
/// key with another request is refused (422) rather than answered with the first result. Older registers keep null
/// (they match any request, as before). Hand-written.
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261205010000_PostingRequestHash")]
public sealed class PostingRequestHash : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "request_hash", table: "gl_registers", maxLength: 64, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "request_hash", table: "gl_registers");
}

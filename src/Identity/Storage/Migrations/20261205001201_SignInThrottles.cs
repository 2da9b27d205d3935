using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Identity.Storage.Migrations;

/// <summary>Failed sign-ins counted per source (ADR 012), shared by every node through the catalog database.</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261205001201_SignInThrottles")]
public sealed class AddSignInThrottles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sign_in_throttles",
            columns: table => new
            {
                key_hash = table.Column<string>(maxLength: 64, nullable: false),
                failures = table.Column<int>(nullable: false),
                window_started_utc = table.Column<DateTime>(nullable: false),
                blocked_until_utc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_sign_in_throttles", x => x.key_hash));

        migrationBuilder.CreateIndex(
            name: "ix_sign_in_throttles_window_started_utc",
            table: "sign_in_throttles",
            column: "window_started_utc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "sign_in_throttles");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Identity.Storage.Migrations;

/// <summary>Passkeys (WebAuthn credentials) per person, as ASP.NET Core Identity keeps them (ADR 014).</summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261205121000_Passkeys")]
public sealed class AddPasskeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "user_passkeys",
            columns: table => new
            {
                credential_id = table.Column<byte[]>(maxLength: 1024, nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                data = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_passkeys", x => x.credential_id);
                table.ForeignKey("fk_user_passkeys_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "ix_user_passkeys_user_id", table: "user_passkeys", column: "user_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "user_passkeys");
}

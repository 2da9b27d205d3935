using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Tenancy.Catalog.Migrations;

/// <summary>Hand-written (EF's Design package is not available here); kept equal to the model by a schema test.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("20261122000000_Catalog")]
public sealed class Catalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "resellers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_resellers", x => x.id));

        migrationBuilder.CreateTable(
            name: "tenants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                identifier = table.Column<string>(maxLength: 63, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                reseller_id = table.Column<Guid>(nullable: true),
                plan = table.Column<string>(maxLength: 30, nullable: false),
                isolation = table.Column<string>(maxLength: 20, nullable: false),
                connection_string = table.Column<string>(nullable: true),
                admin_connection_string = table.Column<string>(nullable: true),
                currency_code = table.Column<string>(maxLength: 3, nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tenants", x => x.id);
                table.ForeignKey(
                    name: "fk_tenants_resellers_reseller_id",
                    column: x => x.reseller_id,
                    principalTable: "resellers",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "ix_tenants_identifier", table: "tenants", column: "identifier", unique: true);
        migrationBuilder.CreateIndex(name: "ix_tenants_reseller_id", table: "tenants", column: "reseller_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "tenants");
        migrationBuilder.DropTable(name: "resellers");
    }
}

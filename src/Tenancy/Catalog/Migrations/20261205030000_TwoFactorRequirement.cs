using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Tenancy.Catalog.Migrations;

/// <summary>A company can require two-factor sign-in of its people (ADR 014). Off for every existing company. Hand-written.</summary>
[DbContext(typeof(CatalogDbContext))]
[Migration("20261205030000_TwoFactorRequirement")]
public sealed class TwoFactorRequirement : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<bool>(name: "require_two_factor", table: "tenants", nullable: false, defaultValue: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "require_two_factor", table: "tenants");
}

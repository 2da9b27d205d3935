using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Issue 10. The Units of Measure table (BC 204). Every existing company gets BC's usual units (the ones onboarding
/// seeds) and, so that no item is left naming an unknown unit, a unit for every other code its items and catalog
/// items already use (described by its code; the company can rename it). Hand-written (ADR 004).
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261205030000_UnitsOfMeasure")]
public sealed class UnitsOfMeasureTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "units_of_measure",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(maxLength: 10, nullable: false),
                description = table.Column<string>(maxLength: 50, nullable: false),
                international_standard_code = table.Column<string>(maxLength: 10, nullable: false),
                last_modified_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_units_of_measure", x => new { x.tenant_id, x.code }));

        // One row per onboarded company (each has a G/L setup). The list is frozen here as it was when the table came
        // (UnitOfMeasure.Standard may grow for new companies); SELECT ... UNION ALL serves SQLite and PostgreSQL.
        (string Code, string Description, string Isc)[] standardUnits =
        [
            ("BOX", "Box", "BX"),
            ("CAN", "Can", "CA"),
            ("DAY", "Day", "DAY"),
            ("GR", "Gram", "GRM"),
            ("HOUR", "Hour", "HUR"),
            ("KG", "Kilogram", "KGM"),
            ("KM", "Kilometer", "KMT"),
            ("L", "Liter", "LTR"),
            ("M", "Meter", "MTR"),
            ("PACK", "Pack", "PK"),
            ("PALLET", "Pallet", "PF"),
            ("PCS", "Piece", "EA"),
            ("SET", "Set", "SET"),
            ("T", "Tonne", "TNE"),
        ];
        var standard = string.Join(
            " UNION ALL ", standardUnits.Select(u => $"SELECT '{u.Code}' AS code, '{u.Description}' AS description, '{u.Isc}' AS isc"));
        migrationBuilder.Sql(
            $"""
            INSERT INTO units_of_measure (tenant_id, code, description, international_standard_code, last_modified_utc)
            SELECT s.tenant_id, u.code, u.description, u.isc, CURRENT_TIMESTAMP
            FROM general_ledger_setups s CROSS JOIN ({standard}) u
            """);
        foreach (var (table, column) in new[] { ("items", "base_unit_of_measure_code"), ("catalog_items", "unit_of_measure_code") })
        {
            migrationBuilder.Sql(
                $"""
                INSERT INTO units_of_measure (tenant_id, code, description, international_standard_code, last_modified_utc)
                SELECT DISTINCT i.tenant_id, i.{column}, i.{column}, '', CURRENT_TIMESTAMP
                FROM {table} i
                WHERE i.{column} <> ''
                  AND NOT EXISTS (SELECT 1 FROM units_of_measure u WHERE u.tenant_id = i.tenant_id AND u.code = i.{column})
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "units_of_measure");
}

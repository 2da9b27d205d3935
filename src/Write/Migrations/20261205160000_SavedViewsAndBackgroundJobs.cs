using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Write.Migrations;

/// <summary>
/// Issue 10. A person's saved views of lists, and the long jobs people start (read-side rebuild, exports) with how far
/// they got. Both tenant-owned: row-level security comes from the model. Hand-written (ADR 004).
/// </summary>
[DbContext(typeof(WriteDbContext))]
[Migration("20261205160000_SavedViewsAndBackgroundJobs")]
public sealed class SavedViewsAndBackgroundJobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "saved_views",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                list = table.Column<string>(maxLength: 100, nullable: false),
                name = table.Column<string>(maxLength: 50, nullable: false),
                query = table.Column<string>(maxLength: 2000, nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_saved_views", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_saved_views_tenant_id_user_id_list_name",
            table: "saved_views",
            columns: ["tenant_id", "user_id", "list", "name"],
            unique: true);

        migrationBuilder.CreateTable(
            name: "background_jobs",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 50, nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                processed = table.Column<long>(nullable: false),
                total = table.Column<long>(nullable: true),
                message = table.Column<string>(maxLength: 500, nullable: true),
                result_file = table.Column<string>(maxLength: 200, nullable: true),
                started_utc = table.Column<DateTime>(nullable: false),
                finished_utc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_background_jobs", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex(
            name: "ix_background_jobs_tenant_id_user_id_started_utc",
            table: "background_jobs",
            columns: ["tenant_id", "user_id", "started_utc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "background_jobs");
        migrationBuilder.DropTable(name: "saved_views");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Saas.Identity.Storage.Migrations;

/// <summary>
/// Invitations carry the role they grant (the membership is made on acceptance); memberships can be locked and
/// remember the last sign-in; the audit log, append-only through triggers on both providers.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261205000130_PeopleAndAudit")]
public sealed class PeopleAndAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("role", "invitations", maxLength: 30, nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<Guid>("invited_by_user_id", "invitations", nullable: true);
        migrationBuilder.CreateIndex("ix_invitations_tenant_id", "invitations", "tenant_id");
        migrationBuilder.AddColumn<DateTime>("locked_utc", "tenant_memberships", nullable: true);
        migrationBuilder.AddColumn<DateTime>("last_sign_in_utc", "tenant_memberships", nullable: true);

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                occurred_utc = table.Column<DateTime>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: true),
                actor_user_id = table.Column<Guid>(nullable: true),
                actor = table.Column<string>(maxLength: 256, nullable: false),
                action = table.Column<string>(maxLength: 50, nullable: false),
                subject_user_id = table.Column<Guid>(nullable: true),
                subject = table.Column<string>(maxLength: 256, nullable: false),
                before = table.Column<string>(maxLength: 2000, nullable: true),
                after = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_audit_entries", x => x.id));
        migrationBuilder.CreateIndex("ix_audit_entries_tenant_id_occurred_utc", "audit_entries", ["tenant_id", "occurred_utc"]);

        // Append-only in the database itself, whoever connects: no code path, API or hand-written SQL through
        // the application can rewrite history.
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION audit_entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit entries are append-only' USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_entries_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_are_append_only();
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_are_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql(
                """
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("audit_entries");
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_are_append_only()");
        }

        migrationBuilder.DropIndex("ix_invitations_tenant_id", "invitations");
        migrationBuilder.DropColumn("role", "invitations");
        migrationBuilder.DropColumn("invited_by_user_id", "invitations");
        migrationBuilder.DropColumn("locked_utc", "tenant_memberships");
        migrationBuilder.DropColumn("last_sign_in_utc", "tenant_memberships");
    }
}

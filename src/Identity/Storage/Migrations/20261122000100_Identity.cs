using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Saas.Identity.Storage.Migrations;

/// <summary>
/// Hand-written (EF's Design package is not installable here). Column types are left to the provider so the
/// same migration creates TEXT/INTEGER on SQLite and uuid/varchar/timestamptz on PostgreSQL.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261122000100_Identity")]
public sealed class IdentityInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                is_operator = table.Column<bool>(nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
                user_name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(maxLength: 256, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                security_stamp = table.Column<string>(nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                phone_number_confirmed = table.Column<bool>(nullable: false),
                two_factor_enabled = table.Column<bool>(nullable: false),
                lockout_end = table.Column<DateTimeOffset>(nullable: true),
                lockout_enabled = table.Column<bool>(nullable: false),
                access_failed_count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_users", x => x.id));

        migrationBuilder.CreateTable(
            name: "api_clients",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                client_id = table.Column<string>(maxLength: 64, nullable: false),
                secret_hash = table.Column<string>(maxLength: 64, nullable: false),
                display_name = table.Column<string>(maxLength: 100, nullable: false),
                role = table.Column<string>(maxLength: 30, nullable: false),
                created_by_user_id = table.Column<Guid>(nullable: true),
                created_utc = table.Column<DateTime>(nullable: false),
                revoked_utc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_api_clients", x => x.id));

        migrationBuilder.CreateTable(
            name: "invitations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
                expires_utc = table.Column<DateTime>(nullable: false),
                accepted_utc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_invitations", x => x.id);
                table.ForeignKey("fk_invitations_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                family_id = table.Column<Guid>(nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: true),
                created_utc = table.Column<DateTime>(nullable: false),
                expires_utc = table.Column<DateTime>(nullable: false),
                consumed_utc = table.Column<DateTime>(nullable: true),
                revoked_utc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_refresh_tokens", x => x.id);
                table.ForeignKey("fk_refresh_tokens_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "reseller_memberships",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                reseller_id = table.Column<Guid>(nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reseller_memberships", x => x.id);
                table.ForeignKey("fk_reseller_memberships_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "tenant_memberships",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: false),
                role = table.Column<string>(maxLength: 30, nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_tenant_memberships", x => x.id);
                table.ForeignKey("fk_tenant_memberships_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<Guid>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_claims", x => x.id);
                table.ForeignKey("fk_user_claims_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(nullable: false),
                provider_key = table.Column<string>(nullable: false),
                provider_display_name = table.Column<string>(nullable: true),
                user_id = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey("fk_user_logins_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_tokens",
            columns: table => new
            {
                user_id = table.Column<Guid>(nullable: false),
                login_provider = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey("fk_user_tokens_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_api_clients_client_id", "api_clients", "client_id", unique: true);
        migrationBuilder.CreateIndex("ix_api_clients_tenant_id", "api_clients", "tenant_id");
        migrationBuilder.CreateIndex("ix_invitations_token_hash", "invitations", "token_hash", unique: true);
        migrationBuilder.CreateIndex("ix_invitations_user_id", "invitations", "user_id");
        migrationBuilder.CreateIndex("ix_refresh_tokens_family_id", "refresh_tokens", "family_id");
        migrationBuilder.CreateIndex("ix_refresh_tokens_token_hash", "refresh_tokens", "token_hash", unique: true);
        migrationBuilder.CreateIndex("ix_refresh_tokens_user_id", "refresh_tokens", "user_id");
        migrationBuilder.CreateIndex("ix_reseller_memberships_reseller_id_user_id", "reseller_memberships", ["reseller_id", "user_id"], unique: true);
        migrationBuilder.CreateIndex("ix_reseller_memberships_user_id", "reseller_memberships", "user_id");
        migrationBuilder.CreateIndex("ix_tenant_memberships_tenant_id_user_id", "tenant_memberships", ["tenant_id", "user_id"], unique: true);
        migrationBuilder.CreateIndex("ix_tenant_memberships_user_id", "tenant_memberships", "user_id");
        migrationBuilder.CreateIndex("ix_user_claims_user_id", "user_claims", "user_id");
        migrationBuilder.CreateIndex("ix_user_logins_user_id", "user_logins", "user_id");
        migrationBuilder.CreateIndex("email_index", "users", "normalized_email");
        migrationBuilder.CreateIndex("user_name_index", "users", "normalized_user_name", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "api_clients", "invitations", "refresh_tokens", "reseller_memberships", "tenant_memberships", "user_claims", "user_logins", "user_tokens", "users" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Saas.Identity.Storage.Migrations;

/// <summary>
/// The token service moves to OpenIddict (ADR 011): its applications, authorizations, scopes and tokens; the
/// token keys and the ASP.NET data-protection keys, shared by every node. The hand-written refresh-token table
/// goes (OpenIddict's token table replaces it: refresh tokens issued before cannot be redeemed, people sign in
/// again). Existing API clients become OpenIddict applications with the same client id and secret hash, so
/// their secrets keep working. Column types are left to the provider, as in the first migration.
/// </summary>
[DbContext(typeof(IdentityDb))]
[Migration("20261205001101_OpenIddict")]
public sealed class OpenIddictTokenService : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(nullable: true),
                xml = table.Column<string>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_data_protection_keys", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "oidc_applications",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                application_type = table.Column<string>(maxLength: 50, nullable: true),
                client_id = table.Column<string>(maxLength: 100, nullable: true),
                client_secret = table.Column<string>(nullable: true),
                client_type = table.Column<string>(maxLength: 50, nullable: true),
                concurrency_token = table.Column<string>(maxLength: 50, nullable: true),
                consent_type = table.Column<string>(maxLength: 50, nullable: true),
                display_name = table.Column<string>(nullable: true),
                display_names = table.Column<string>(nullable: true),
                json_web_key_set = table.Column<string>(nullable: true),
                permissions = table.Column<string>(nullable: true),
                post_logout_redirect_uris = table.Column<string>(nullable: true),
                properties = table.Column<string>(nullable: true),
                redirect_uris = table.Column<string>(nullable: true),
                requirements = table.Column<string>(nullable: true),
                settings = table.Column<string>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_oidc_applications", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "oidc_scopes",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                concurrency_token = table.Column<string>(maxLength: 50, nullable: true),
                description = table.Column<string>(nullable: true),
                descriptions = table.Column<string>(nullable: true),
                display_name = table.Column<string>(nullable: true),
                display_names = table.Column<string>(nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: true),
                properties = table.Column<string>(nullable: true),
                resources = table.Column<string>(nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_oidc_scopes", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "token_keys",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                use = table.Column<string>(maxLength: 3, nullable: false),
                key_id = table.Column<string>(maxLength: 64, nullable: false),
                protected_pem = table.Column<string>(nullable: false),
                created_utc = table.Column<DateTime>(nullable: false),
                active_from_utc = table.Column<DateTime>(nullable: false),
                active_until_utc = table.Column<DateTime>(nullable: false),
                retires_utc = table.Column<DateTime>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_token_keys", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "oidc_authorizations",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                application_id = table.Column<string>(nullable: true),
                concurrency_token = table.Column<string>(maxLength: 50, nullable: true),
                creation_date = table.Column<DateTime>(nullable: true),
                properties = table.Column<string>(nullable: true),
                scopes = table.Column<string>(nullable: true),
                status = table.Column<string>(maxLength: 50, nullable: true),
                subject = table.Column<string>(maxLength: 400, nullable: true),
                type = table.Column<string>(maxLength: 50, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_oidc_authorizations", x => x.id);
                table.ForeignKey(
                    name: "fk_oidc_authorizations_oidc_applications_application_id",
                    column: x => x.application_id,
                    principalTable: "oidc_applications",
                    principalColumn: "id");
            });

        migrationBuilder.CreateTable(
            name: "oidc_tokens",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                application_id = table.Column<string>(nullable: true),
                authorization_id = table.Column<string>(nullable: true),
                concurrency_token = table.Column<string>(maxLength: 50, nullable: true),
                creation_date = table.Column<DateTime>(nullable: true),
                expiration_date = table.Column<DateTime>(nullable: true),
                payload = table.Column<string>(nullable: true),
                properties = table.Column<string>(nullable: true),
                redemption_date = table.Column<DateTime>(nullable: true),
                reference_id = table.Column<string>(maxLength: 100, nullable: true),
                status = table.Column<string>(maxLength: 50, nullable: true),
                subject = table.Column<string>(maxLength: 400, nullable: true),
                type = table.Column<string>(maxLength: 150, nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_oidc_tokens", x => x.id);
                table.ForeignKey(
                    name: "fk_oidc_tokens_oidc_applications_application_id",
                    column: x => x.application_id,
                    principalTable: "oidc_applications",
                    principalColumn: "id");
                table.ForeignKey(
                    name: "fk_oidc_tokens_oidc_authorizations_authorization_id",
                    column: x => x.authorization_id,
                    principalTable: "oidc_authorizations",
                    principalColumn: "id");
            });

        migrationBuilder.CreateIndex(
            name: "ix_oidc_applications_client_id",
            table: "oidc_applications",
            column: "client_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_oidc_authorizations_application_id_status_subject_type",
            table: "oidc_authorizations",
            columns: new[] { "application_id", "status", "subject", "type" });

        migrationBuilder.CreateIndex(
            name: "ix_oidc_scopes_name",
            table: "oidc_scopes",
            column: "name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_oidc_tokens_application_id_status_subject_type",
            table: "oidc_tokens",
            columns: new[] { "application_id", "status", "subject", "type" });

        migrationBuilder.CreateIndex(
            name: "ix_oidc_tokens_authorization_id",
            table: "oidc_tokens",
            column: "authorization_id");

        migrationBuilder.CreateIndex(
            name: "ix_oidc_tokens_reference_id",
            table: "oidc_tokens",
            column: "reference_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_token_keys_key_id",
            table: "token_keys",
            column: "key_id",
            unique: true);

        // Every API client that is not revoked, with the permissions ApiClients.Permissions grants new ones.
        var permissions = "[\"ept:token\",\"ept:introspection\",\"ept:revocation\",\"gt:client_credentials\",\"scp:sales\",\"scp:purchasing\",\"scp:inventory\",\"scp:finance\",\"scp:reporting\",\"scp:tenants\"]";
        var id = ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true ? "CAST(id AS text)" : "lower(id)";
        migrationBuilder.Sql($"""
            INSERT INTO oidc_applications (id, client_id, client_secret, client_type, concurrency_token, display_name, permissions)
            SELECT {id}, client_id, secret_hash, 'confidential', client_id, display_name, '{permissions}'
            FROM api_clients WHERE revoked_utc IS NULL
            """);

        migrationBuilder.DropTable(name: "refresh_tokens");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(
            name: "data_protection_keys");

        migrationBuilder.DropTable(
            name: "oidc_scopes");

        migrationBuilder.DropTable(
            name: "oidc_tokens");

        migrationBuilder.DropTable(
            name: "token_keys");

        migrationBuilder.DropTable(
            name: "oidc_authorizations");

        migrationBuilder.DropTable(
            name: "oidc_applications");

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                consumed_utc = table.Column<DateTime>(nullable: true),
                created_utc = table.Column<DateTime>(nullable: false),
                expires_utc = table.Column<DateTime>(nullable: false),
                family_id = table.Column<Guid>(nullable: false),
                revoked_utc = table.Column<DateTime>(nullable: true),
                tenant_id = table.Column<Guid>(nullable: true),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                user_id = table.Column<Guid>(nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_refresh_tokens", x => x.id);
                table.ForeignKey(
                    name: "fk_refresh_tokens_users_user_id",
                    column: x => x.user_id,
                    principalTable: "users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "ix_refresh_tokens_family_id",
            table: "refresh_tokens",
            column: "family_id");

        migrationBuilder.CreateIndex(
            name: "ix_refresh_tokens_token_hash",
            table: "refresh_tokens",
            column: "token_hash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_refresh_tokens_user_id",
            table: "refresh_tokens",
            column: "user_id");
    }
}
